package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.it.BadRequests.Bad;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a thousand hostile requests: never a 5xx, never internals, and the server keeps answering.
 */
class HostileInputIT extends DeployedApp {
  private static final Set<String> LEGACY =
      Set.of("/", "/cnn", "/cnn/", "/digit", "/digit/", "/digit/cnn", "/digit/cnn/");
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\bat [a-z]+\\.[a-z]|\\.java:\\d|GlassFish|Grizzly|Payara Server|jersey|org\\.glassfish",
          Pattern.CASE_INSENSITIVE);

  BufferedImage seven;
  String goodDataUrl;

  @BeforeEach
  void setUp() {
    seven = CanvasRenderer.render(MnistFixture.test().images()[0], Style.oldCanvas());
    goodDataUrl = CanvasRenderer.dataUrl(CanvasRenderer.png(seven));
  }

  @Test
  void corpusOfBadRequestsNeverBreaksTheServer() {
    List<Bad> corpus = new ArrayList<>(BadRequests.corpus(seven, new Random(2024)));
    assertTrue(corpus.size() >= 1000, "corpus has only " + corpus.size() + " requests");
    int refused = 0;
    for (int i = 0; i < corpus.size(); i++) {
      Bad bad = corpus.get(i);
      HttpResponse<String> r = http.post(bad.route(), bad.contentType(), bad.body());
      checkApiAnswer(bad.name() + " -> " + bad.route(), "POST", bad.route(), r);
      refused += r.statusCode() >= 400 ? 1 : 0;
      if (r.statusCode() == 200) {
        String digit =
            bad.route().startsWith("/api")
                ? Integer.toString(((JsonObject) Http.json(r)).getInt("digit"))
                : r.body();
        assertTrue(digit.matches("[0-9]"), bad.name() + " answered " + snippet(r.body()));
      }
      if (i % 100 == 99) {
        assertEquals(
            "7",
            http.post("/digit/cnn/", "application/json", goodDataUrl).body(),
            "after " + bad.name());
      }
    }
    // Bit flips often leave a decodable picture (decoders skip checksums); those must get a real
    // answer.
    assertTrue(refused > corpus.size() / 2, refused + " of " + corpus.size() + " refused");
  }

  @Test
  void unusualButValidPicturesAreAnsweredAndLiesAboutSizeRefused() {
    assertDigit(7, http.post("/api/v1/predict", "image/gif", Images.animatedGif(seven)));
    assertDigit(7, http.post("/api/v1/predict", "image/png", Images.png16(seven)));
    assertDigit(7, http.post("/api/v1/predict", "image/png", Images.palettePng(seven)));
    assertStatus(
        422, http.post("/api/v1/predict", "image/png", CanvasRenderer.png(Images.blank(1, 1))));
    // The JDK may or may not decode a four-channel JPEG: refused, or read (here as blank or as the
    // digit), never a 5xx.
    HttpResponse<String> cmyk = http.post("/api/v1/predict", "image/jpeg", Images.cmykJpeg(seven));
    assertTrue(Set.of(200, 415, 422).contains(cmyk.statusCode()), cmyk.body());
    assertStatus(
        413, http.post("/api/v1/predict", "image/png", CanvasRenderer.png(Images.blank(4097, 8))));
    assertStatus(
        413, http.post("/api/v1/predict", "image/png", CanvasRenderer.png(Images.blank(8, 4097))));
    assertStatus(
        413,
        http.post("/api/v1/predict", "image/png", CanvasRenderer.png(Images.blank(4000, 4001))));
    assertStatus(
        422, http.post("/api/v1/predict", "image/png", CanvasRenderer.png(Images.blank(4096, 16))));
    assertStatus(
        413, http.post("/api/v1/predict", "image/png", HugePng.claiming(100_000, 100_000)));
    assertStatus(413, http.post("/api/v1/predict", "image/gif", Images.hugeGif(65_535, 65_535)));
    assertStatus(413, http.post("/api/v1/predict", "image/bmp", Images.hugeBmp(100_000, 100_000)));
    assertStatus(413, http.post("/api/v1/predict", "image/jpeg", Images.hugeJpeg(65_000, 65_000)));
    assertEquals("7", http.post("/digit/", "application/json", goodDataUrl).body());
  }

  @Test
  void everyRouteWithEveryMethod() {
    String[] routes = {
      "/",
      "/digit/",
      "/digit/cnn/",
      "/cnn/",
      "/digit/image/",
      "/api-guide",
      "/api/v1/predict",
      "/api/v1/predict/batch",
      "/api/v1/models",
      "/api/legacy/ann",
      "/api/nothing",
      "/static/app.css",
      "/static/",
      "/WEB-INF/web.xml",
      "/WEB-INF/views/canvas.jsp",
      "/META-INF/MANIFEST.MF",
      "/no/such/page",
      "/health/ready",
      "/openapi"
    };
    String[] methods = {
      "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO"
    };
    for (String route : routes) {
      for (String method : methods) {
        HttpRequest req =
            HttpRequest.newBuilder(http.uri(route))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> r = http.send(req);
        checkApiAnswer(method + " " + route, method, route, r);
        assertFalse(
            route.contains("-INF/") && r.statusCode() == 200,
            "the container's folders must not be served");
        assertFalse(
            route.equals("/static/") && r.statusCode() == 200 && r.body().contains("app.css"),
            "no directory listing");
      }
    }
    assertEquals("7", http.post("/digit/", "application/json", goodDataUrl).body());
  }

  private void checkApiAnswer(String what, String method, String route, HttpResponse<String> r) {
    // Open Liberty's own OpenAPI endpoint (the server's, not the app's) answers the methods it does
    // not implement with 501.
    boolean libertysOwn =
        Server.current() == Server.LIBERTY && route.equals("/openapi") && r.statusCode() == 501;
    assertTrue(
        r.statusCode() < 500 || libertysOwn,
        what + ": " + r.statusCode() + " " + snippet(r.body()));
    assertFalse(
        INTERNALS.matcher(r.body()).find(), what + " leaks internals: " + snippet(r.body()));
    boolean api =
        route.startsWith("/api/")
            || (LEGACY.contains(route) && !method.equals("GET") && !method.equals("HEAD"));
    // TRACE is refused by the HTTP listener itself (405, empty body) before any application code
    // runs.
    if (api && r.statusCode() >= 400 && !method.equals("HEAD") && !method.equals("TRACE")) {
      JsonObject o;
      try {
        o = (JsonObject) Http.json(r);
      } catch (RuntimeException e) {
        throw new AssertionError(
            what + ": " + r.statusCode() + " without a JSON error body: " + snippet(r.body()), e);
      }
      assertEquals(r.statusCode(), o.getInt("status"), what);
      assertFalse(o.getString("error").isBlank(), what);
    }
  }

  private static void assertDigit(int digit, HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(digit, ((JsonObject) Http.json(r)).getInt("digit"));
  }

  private static void assertStatus(int status, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(status, ((JsonObject) Http.json(r)).getInt("status"));
  }

  private static String snippet(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
