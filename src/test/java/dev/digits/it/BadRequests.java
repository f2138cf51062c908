package dev.digits.it;

import dev.digits.mnist.CanvasRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A corpus of hostile and broken requests, generated from a real digit picture so it can grow:
 * truncated and bit-flipped images, broken base64 and data URLs, bad JSON, bad multipart, empty
 * bodies. Each may be refused (4xx) or, where the damage left a valid image, answered.
 */
final class BadRequests {
  record Bad(String name, String route, String contentType, byte[] body) {}

  private static final String[] ROUTES = {"/digit/", "/digit/cnn/", "/api/v1/predict"};

  private BadRequests() {}

  static List<Bad> corpus(BufferedImage digit, Random random) {
    List<Bad> out = new ArrayList<>();
    BufferedImage rgb = Images.rgb(digit);
    byte[][] images = {
      CanvasRenderer.png(digit),
      CanvasRenderer.encode(rgb, "jpg"),
      CanvasRenderer.encode(rgb, "gif"),
      CanvasRenderer.encode(rgb, "bmp")
    };
    String[] types = {"image/png", "image/jpeg", "image/gif", "image/bmp"};
    for (int f = 0; f < images.length; f++) {
      byte[] img = images[f];
      for (int i = 1; i <= 50; i++) {
        int len = (int) ((long) img.length * i / 51);
        out.add(
            bytes(
                "truncated " + types[f] + " at " + len,
                route(i),
                types[f],
                Arrays.copyOf(img, len)));
      }
      for (int i = 0; i < 70; i++) {
        byte[] flipped = img.clone();
        int flips = 1 + random.nextInt(8);
        for (int k = 0; k < flips; k++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        out.add(
            bytes(
                "bit-flipped " + types[f] + " #" + i,
                route(i),
                i % 2 == 0 ? types[f] : "application/json",
                flipped));
        out.add(
            text(
                "bit-flipped " + types[f] + " data URL #" + i,
                route(i + 1),
                "data:" + types[f] + ";base64," + Base64.getEncoder().encodeToString(flipped)));
      }
    }
    String good = Base64.getEncoder().encodeToString(images[0]);
    for (int i = 0; i < 60; i++) {
      StringBuilder b = new StringBuilder(good);
      b.insert(random.nextInt(b.length()), "!#%&*()[]{}<>?~`'\"".charAt(random.nextInt(18)));
      out.add(text("bad base64 character #" + i, route(i), "data:image/png;base64," + b));
      out.add(
          text(
              "truncated base64 #" + i,
              route(i + 1),
              "data:image/png;base64," + good.substring(0, 1 + random.nextInt(good.length() - 1))));
    }
    for (String pad : new String[] {"=", "==", "===", "====", "=a", "a=b"}) {
      out.add(
          text(
              "bad padding " + pad,
              "/digit/",
              "data:image/png;base64," + good.replaceAll("=+$", "") + pad));
    }
    for (String header :
        new String[] {
          "data:text/plain;base64,",
          "data:application/pdf;base64,",
          "data:image/svg+xml;base64,",
          "data:;base64,",
          "data:image/png,",
          "data:image/png;charset=utf-8,",
          "data:",
          "data:image/png;base64",
          "DATA:IMAGE/PNG;BASE64,",
          "data:image/png;base64,,",
          "data:image/png;base64;base64,",
          "data:image/png;base64,data:image/png;base64,"
        }) {
      for (String route : ROUTES) {
        out.add(
            text(
                "data URL header " + header,
                route,
                header + Base64.getEncoder().encodeToString("not an image".getBytes())));
      }
    }
    for (String route :
        new String[] {
          "/",
          "/cnn/",
          "/digit",
          "/digit/cnn",
          "/digit/",
          "/digit/cnn/",
          "/api/v1/predict",
          "/api/v1/predict/batch"
        }) {
      for (String type :
          new String[] {
            "application/json",
            "application/x-www-form-urlencoded",
            "text/plain",
            "image/png",
            "multipart/form-data; boundary=x",
            null
          }) {
        out.add(new Bad("empty body as " + type, route, type, new byte[0]));
      }
    }
    out.addAll(json(good, random));
    out.addAll(multipart(images[0]));
    return out;
  }

  private static List<Bad> json(String good, Random random) {
    List<Bad> out = new ArrayList<>();
    String valid = "{\"image\": \"data:image/png;base64," + good + "\"}";
    for (int i = 0; i < 40; i++) {
      out.add(
          new Bad(
              "truncated JSON #" + i,
              route(i),
              "application/json",
              valid
                  .substring(0, 1 + random.nextInt(valid.length() - 2))
                  .getBytes(StandardCharsets.UTF_8)));
    }
    for (int depth : new int[] {20, 100, 1000, 10_000, 100_000}) {
      out.add(json("nested arrays " + depth, "[".repeat(depth) + "]".repeat(depth)));
      out.add(
          json("nested objects " + depth, "{\"image\":".repeat(depth) + "1" + "}".repeat(depth)));
      out.add(
          new Bad(
              "nested batch " + depth,
              "/api/v1/predict/batch",
              "application/json",
              ("{\"images\":" + "[".repeat(depth)).getBytes(StandardCharsets.UTF_8)));
    }
    for (String shape :
        new String[] {
          "null",
          "true",
          "123",
          "[]",
          "{}",
          "[\"x\"]",
          "{\"image\": null}",
          "{\"image\": 5}",
          "{\"image\": []}",
          "{\"image\": {\"image\": \"x\"}}",
          "{\"img\": \"" + good + "\"}",
          "\"\"",
          "\"   \"",
          "{\"image\": \"\"}",
          "{\"image\": \"\\u0000\"}",
          "{\"image\": \"data:image/png;base64," + good + "\"} trailing",
          "{\"image\": \"" + good + "\", \"image\": 5}",
          "{'image': 'x'}",
          "\ufeff{}",
          "{\"image\": \"\\ud800\"}"
        }) {
      out.add(json("wrong shape " + shape.substring(0, Math.min(30, shape.length())), shape));
    }
    for (String batch :
        new String[] {
          "{\"images\": []}",
          "{\"images\": \"x\"}",
          "{\"images\": [1, 2]}",
          "{\"images\": [null]}",
          "[]",
          "{\"image\": \"x\"}",
          "{\"images\": [\"x\"]}",
          "{\"images\": [" + "\"a\",".repeat(64) + "\"a\"]}",
          "{\"images\": [{\"image\": 3}]}",
          "{\"images\": [\"data:image/png;base64,AAAA\"]}"
        }) {
      out.add(
          new Bad(
              "batch " + batch.substring(0, Math.min(30, batch.length())),
              "/api/v1/predict/batch",
              "application/json",
              batch.getBytes(StandardCharsets.UTF_8)));
    }
    String huge = "{\"image\": \"" + "a".repeat(9 * 1024 * 1024) + "\"}";
    out.add(json("huge JSON string", huge));
    out.add(json("huge JSON array", "[" + "1,".repeat(2_000_000) + "1]"));
    return out;
  }

  private static List<Bad> multipart(byte[] png) {
    List<Bad> out = new ArrayList<>();
    String[] bodies = {
      "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--b--\r\n",
      "--b--\r\n",
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n\r\n",
      "--b\r\n\r\n\r\n--b--",
      "no boundary here at all",
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nplain text\r\n--b--\r\n"
    };
    for (String b : bodies) {
      for (String route : ROUTES) {
        out.add(
            new Bad(
                "multipart " + b.substring(0, Math.min(20, b.length())).strip(),
                route,
                "multipart/form-data; boundary=b",
                b.getBytes(StandardCharsets.ISO_8859_1)));
      }
    }
    ByteArrayOutputStream half = new ByteArrayOutputStream();
    half.writeBytes(
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    half.write(png, 0, png.length / 2);
    half.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.add(
        new Bad(
            "multipart with half a PNG",
            "/api/v1/predict",
            "multipart/form-data; boundary=b",
            half.toByteArray()));
    out.add(
        new Bad(
            "multipart without boundary parameter",
            "/api/v1/predict",
            "multipart/form-data",
            half.toByteArray()));
    return out;
  }

  private static String route(int i) {
    return ROUTES[Math.floorMod(i, ROUTES.length)];
  }

  private static Bad bytes(String name, String route, String type, byte[] body) {
    return new Bad(name, route, type, body);
  }

  private static Bad text(String name, String route, String body) {
    return new Bad(name, route, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static Bad json(String name, String body) {
    return new Bad(
        name, "/api/v1/predict", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }
}
