package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the API over HTTP on a real Payara Micro: body forms, the old clients, CORS,
 * errors.
 */
class ApiIT extends DeployedApp {
  private static final int SEVEN = 0; // MNIST test image 0 is a clear 7
  private static final List<String> LEGACY_ROUTES =
      List.of("/digit/", "/digit", "/digit/cnn/", "/digit/cnn", "/", "/cnn/", "/cnn");

  byte[] png;
  String dataUrl;

  @BeforeEach
  void setUp() {
    BufferedImage canvas =
        CanvasRenderer.render(MnistFixture.test().images()[SEVEN], Style.oldCanvas());
    png = CanvasRenderer.png(canvas);
    dataUrl = CanvasRenderer.dataUrl(png);
  }

  @Test
  void oldFetchClientGetsABareNumberOnEveryLegacyRoute() {
    for (String route : LEGACY_ROUTES) {
      HttpResponse<String> r = http.post(route, "application/json", dataUrl);
      assertEquals(200, r.statusCode(), route + ": " + r.body());
      assertEquals("7", r.body(), route);
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), route);
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), route);
    }
  }

  @Test
  void oldJqueryClientSendsFormEncodedRawDataUrl() {
    HttpResponse<String> r =
        http.post("/digit/cnn/", "application/x-www-form-urlencoded; charset=UTF-8", dataUrl);
    assertEquals("7", r.body());
  }

  @Test
  void everyBodyFormIsAccepted() {
    String b64 = Base64.getEncoder().encodeToString(png);
    String boundary = "----digits" + System.nanoTime();
    ByteArrayOutputStream multipart = new ByteArrayOutputStream();
    multipart.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"seven.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    multipart.writeBytes(png);
    multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    record Form(String type, byte[] body) {}
    List<Form> forms =
        List.of(
            new Form("text/plain", dataUrl.getBytes(StandardCharsets.UTF_8)),
            new Form(null, dataUrl.getBytes(StandardCharsets.UTF_8)),
            new Form("application/json", ("\"" + dataUrl + "\"").getBytes(StandardCharsets.UTF_8)),
            new Form(
                "application/json",
                ("{\"image\": \"" + dataUrl + "\"}").getBytes(StandardCharsets.UTF_8)),
            new Form(
                "application/json",
                ("{\"image\": \"" + b64 + "\"}").getBytes(StandardCharsets.UTF_8)),
            new Form("text/plain", b64.getBytes(StandardCharsets.UTF_8)),
            new Form(
                "application/x-www-form-urlencoded",
                ("image=" + URLEncoder.encode(dataUrl, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8)),
            new Form("image/png", png),
            new Form("application/octet-stream", png),
            new Form("image/jpeg", CanvasRenderer.encode(rgb(), "jpg")),
            new Form("image/gif", CanvasRenderer.encode(rgb(), "gif")),
            new Form("image/bmp", CanvasRenderer.encode(rgb(), "bmp")),
            new Form("multipart/form-data; boundary=" + boundary, multipart.toByteArray()));
    for (Form f : forms) {
      for (String route : List.of("/digit/", "/digit/cnn/", "/api/v1/predict")) {
        HttpResponse<String> r = http.post(route, f.type(), f.body());
        assertEquals(200, r.statusCode(), route + " with " + f.type() + ": " + r.body());
        String digit =
            route.startsWith("/api")
                ? Integer.toString(((JsonObject) Http.json(r)).getInt("digit"))
                : r.body();
        assertEquals("7", digit, route + " with " + f.type());
      }
    }
  }

  @Test
  void corsPreflightIsAnswered() {
    for (String route : List.of("/digit/cnn/", "/digit/", "/api/v1/predict")) {
      HttpResponse<String> r =
          http.method(
              "OPTIONS",
              route,
              "Origin",
              "https://example.org",
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "content-type");
      assertTrue(r.statusCode() == 200 || r.statusCode() == 204, route + " " + r.statusCode());
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), route);
      assertTrue(
          r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
          route);
      assertTrue(
          r.headers()
              .firstValue("Access-Control-Allow-Headers")
              .orElse("")
              .toLowerCase()
              .contains("content-type"),
          route);
      assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), route);
    }
  }

  @Test
  void jsonApiAnswersProbabilitiesAndTheInputForEachModel() {
    for (String model : List.of("ann", "cnn", "ensemble")) {
      HttpResponse<String> r =
          http.post("/api/v1/predict?model=" + model, "application/json", dataUrl);
      assertEquals(200, r.statusCode(), r.body());
      JsonObject o = (JsonObject) Http.json(r);
      assertEquals(7, o.getInt("digit"));
      assertEquals(model, o.getString("model"));
      JsonArray p = o.getJsonArray("probabilities");
      assertEquals(10, p.size());
      double sum = p.stream().mapToDouble(v -> ((JsonNumber) v).doubleValue()).sum();
      assertEquals(1.0, sum, 1e-3);
      assertEquals(
          p.getJsonNumber(7).doubleValue(), o.getJsonNumber("confidence").doubleValue(), 1e-6);
      assertTrue(o.getString("input").startsWith("data:image/png;base64,"));
      assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }
    assertEquals(
        "ensemble",
        ((JsonObject) Http.json(http.post("/api/v1/predict", "text/plain", dataUrl)))
            .getString("model"),
        "the most accurate model is the default");
  }

  @Test
  void batchAnswersInOrder() {
    int[] indices = {0, 1, 2, 3, 4};
    StringBuilder json = new StringBuilder("{\"images\": [");
    for (int i = 0; i < indices.length; i++) {
      byte[] p =
          CanvasRenderer.png(
              CanvasRenderer.render(MnistFixture.test().images()[indices[i]], Style.oldCanvas()));
      json.append(i == 0 ? "" : ",").append('"').append(CanvasRenderer.dataUrl(p)).append('"');
    }
    HttpResponse<String> r =
        http.post(
            "/api/v1/predict/batch?model=cnn", "application/json", json.append("]}").toString());
    assertEquals(200, r.statusCode(), r.body());
    JsonArray a = (JsonArray) Http.json(r);
    assertEquals(indices.length, a.size());
    for (int i = 0; i < indices.length; i++) {
      assertEquals(MnistFixture.test().labels()[indices[i]], a.getJsonObject(i).getInt("digit"));
    }
  }

  @Test
  void modelsAreListedWithTheirCards() {
    HttpResponse<String> r = http.get("/api/v1/models");
    assertEquals(200, r.statusCode(), r.body());
    JsonArray a = (JsonArray) Http.json(r);
    assertEquals(3, a.size());
    JsonObject cnn = a.getJsonObject(1);
    assertEquals("cnn", cnn.getString("name"));
    assertTrue(cnn.getJsonNumber("testAccuracy").doubleValue() >= 0.995);
    assertTrue(cnn.getJsonNumber("parameters").longValue() > 100_000);
  }

  /** The server's MicroProfile Health and OpenAPI, or the app's own where the server has none. */
  @Test
  void healthAndOpenApiAreServed() {
    for (String check : List.of("/health/ready", "/health/live", "/health")) {
      HttpResponse<String> r = http.get(check);
      assertEquals(200, r.statusCode(), check + ": " + r.body());
      assertEquals("UP", ((JsonObject) Http.json(r)).getString("status"), check);
    }
    JsonObject models =
        ((JsonObject) Http.json(http.get("/health/ready"))).getJsonArray("checks").getJsonObject(0);
    assertEquals("models", models.getString("name"));
    assertEquals("ready", models.getJsonObject("data").getString("state"));
    HttpResponse<String> openapi = http.get("/openapi");
    assertEquals(200, openapi.statusCode());
    for (String path : List.of("/api/v1/predict", "/api/v1/read/batch", "/digit/", "/v2")) {
      assertTrue(openapi.body().contains(path + ":"), path + " in " + openapi.body());
    }
    assertFalse(
        openapi.body().contains("/api/legacy") || openapi.body().contains("/api/v2"),
        "the internal routes are not described: " + openapi.body());
    HttpResponse<String> json =
        http.send(
            HttpRequest.newBuilder(http.uri("/openapi"))
                .header("Accept", "application/json")
                .build());
    assertEquals(200, json.statusCode(), json.body());
    JsonObject paths = ((JsonObject) Http.json(json)).getJsonObject("paths");
    assertTrue(
        paths.containsKey("/api/v1/predict") && paths.containsKey("/digit/cnn/"), json.body());
  }

  @Test
  void pagesAnswerAtTheOldPathsAndOtherPathsAreNotFound() {
    for (String page :
        List.of("/", "/digit", "/digit/", "/digit/image", "/digit/image/", "/api-guide")) {
      HttpResponse<String> r = http.get(page);
      assertEquals(200, r.statusCode(), page);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
      assertTrue(r.body().contains("<title>"), page);
    }
    for (String missing :
        List.of("/digit/nothing", "/digit/image/x", "/nothing", "/static/nothing.js")) {
      HttpResponse<String> r = http.get(missing);
      assertEquals(404, r.statusCode(), missing);
      assertTrue(r.body().contains("Not found"), missing + ": " + r.body());
    }
  }

  @Test
  void errorsAreJsonWithTheRightStatus() {
    assertError(
        400, http.post("/digit/", "application/json", "data:image/png;base64,@@@not-base64@@@"));
    assertError(400, http.post("/digit/", "application/json", "data:image/png,rawbytes"));
    assertError(400, http.post("/api/v1/predict", "application/json", "{\"image\": "));
    assertError(400, http.post("/digit/cnn/", "application/json", ""));
    assertError(
        415,
        http.post("/digit/", "application/json", "data:text/plain;base64," + b64("hello, world")));
    assertError(
        415,
        http.post(
            "/api/v1/predict",
            "application/octet-stream",
            "GIF7 not an image at all".getBytes(StandardCharsets.UTF_8)));
    assertError(404, http.post("/api/v1/predict?model=svm", "application/json", dataUrl));
    byte[] blank = CanvasRenderer.png(CanvasRenderer.render(new float[784], Style.oldCanvas()));
    HttpResponse<String> none =
        http.post("/digit/cnn/", "application/json", CanvasRenderer.dataUrl(blank));
    assertError(422, none);
    assertTrue(none.body().contains("no digit found"), none.body());
    assertError(
        413,
        http.post("/api/v1/predict", "application/octet-stream", new byte[10 * 1024 * 1024 + 1]));
    assertError(413, http.post("/api/v1/predict", "image/png", HugePng.claiming(100_000, 100_000)));
    assertError(404, http.get("/api/v1/nothing-here"));
    assertError(405, http.get("/api/v1/predict"));
    assertEquals(
        "7",
        http.post("/digit/", "application/json", dataUrl).body(),
        "still answering after the errors");
  }

  private static void assertError(int status, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject o = (JsonObject) Http.json(r);
    assertEquals(status, o.getInt("status"));
    assertFalse(o.getString("error").isBlank());
    assertFalse(r.body().contains("Exception") || r.body().contains("at dev."), r.body());
  }

  private BufferedImage rgb() {
    return Images.rgb(
        CanvasRenderer.render(MnistFixture.test().images()[SEVEN], Style.oldCanvas()));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
