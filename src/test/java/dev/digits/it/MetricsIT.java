package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The app's Prometheus metrics at /prometheus after known traffic: every counter moved by exactly
 * the requests sent, by route template, model and status, and each prediction by its digit.
 */
class MetricsIT extends DeployedApp {
  private static final String REQUESTS = "digits_http_requests_total";
  private static final String LATENCY = "digits_http_request_duration_seconds";
  private static final String PREDICTIONS = "digits_predictions_total";

  @Test
  void countersMoveByExactlyTheTrafficSent() {
    MnistDataset mnist = MnistFixture.test();
    Scrape before = scrape();

    // Three ANN predictions of known digits on the old route.
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = http.post("/digit/", "text/plain", dataUrl(mnist.images()[i]));
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(Integer.toString(mnist.labels()[i]), r.body());
      expected.add(r.body());
    }
    // One 415 (not an image) and one 413 (a picture too large, by its header) on the JSON API.
    assertEquals(
        415,
        http.post(
                "/api/v1/predict?model=ann",
                "application/octet-stream",
                "GIF7 not an image at all".getBytes(StandardCharsets.UTF_8))
            .statusCode());
    assertEquals(
        413,
        http.post("/api/v1/predict", "application/octet-stream", HugePng.claiming(5000, 5000))
            .statusCode());
    // An unknown model, a batch of three on the ensemble, and one tensor of no digit on /v2.
    assertEquals(
        404,
        http.post("/api/v1/predict?model=svm", "text/plain", dataUrl(mnist.images()[0]))
            .statusCode());
    String batch =
        "{\"images\":[\""
            + String.join(
                "\",\"",
                dataUrl(mnist.images()[3]),
                dataUrl(mnist.images()[4]),
                dataUrl(mnist.images()[5]))
            + "\"]}";
    HttpResponse<String> batched =
        http.post("/api/v1/predict/batch?model=ensemble", "application/json", batch);
    assertEquals(200, batched.statusCode(), batched.body());
    String grey = String.join(",", Collections.nCopies(784, "0.1"));
    HttpResponse<String> tensor =
        http.post(
            "/v2/models/cnn/infer",
            "application/json",
            "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,784],\"data\":["
                + grey
                + "]}]}");
    assertEquals(200, tensor.statusCode(), tensor.body());
    // Pages and health are no recognition route: they move none of these counters.
    assertEquals(200, http.get("/digit/").statusCode());
    assertEquals(200, http.get("/v2/health/ready").statusCode());

    Scrape after = scrape();
    assertMoved(3, before, after, REQUESTS, "route", "/digit/", "model", "ann", "status", "200");
    assertMoved(
        1, before, after, REQUESTS, "route", "/api/v1/predict", "model", "ann", "status", "415");
    assertMoved(
        1,
        before,
        after,
        REQUESTS,
        "route",
        "/api/v1/predict",
        "model",
        "ensemble",
        "status",
        "413");
    assertMoved(
        1,
        before,
        after,
        REQUESTS,
        "route",
        "/api/v1/predict",
        "model",
        "unknown",
        "status",
        "404");
    assertMoved(
        1,
        before,
        after,
        REQUESTS,
        "route",
        "/api/v1/predict/batch",
        "model",
        "ensemble",
        "status",
        "200");
    assertMoved(
        1,
        before,
        after,
        REQUESTS,
        "route",
        "/v2/models/{model}/infer",
        "model",
        "cnn",
        "status",
        "200");
    assertEquals(8, after.sum(REQUESTS) - before.sum(REQUESTS), "no other request counted");

    // Latency: one observation per request, in seconds, in buckets that resolve milliseconds.
    assertMoved(3, before, after, LATENCY + "_count", "route", "/digit/", "model", "ann");
    assertMoved(
        3, before, after, LATENCY + "_bucket", "route", "/digit/", "model", "ann", "le", "+Inf");
    assertTrue(after.has(LATENCY + "_bucket", "route", "/digit/", "model", "ann", "le", "5.0E-4"));
    double seconds =
        after.value(LATENCY + "_sum", "route", "/digit/", "model", "ann")
            - before.value(LATENCY + "_sum", "route", "/digit/", "model", "ann");
    assertTrue(seconds > 0 && seconds < 30, "latency in seconds: " + seconds);

    // Predictions by digit and model; images per call.
    for (String digit : expected) {
      long times = expected.stream().filter(digit::equals).count();
      assertMoved(times, before, after, PREDICTIONS, "model", "ann", "digit", digit);
    }
    JsonArray answers = (JsonArray) Http.json(batched);
    for (int d = 0; d < 10; d++) {
      String digit = Integer.toString(d);
      long times =
          answers.stream()
              .filter(a -> a.asJsonObject().getInt("digit") == digit.charAt(0) - '0')
              .count();
      assertMoved(times, before, after, PREDICTIONS, "model", "ensemble", "digit", digit);
    }
    assertMoved(3, before, after, "digits_batch_size_images_count", "model", "ann");
    assertMoved(1, before, after, "digits_batch_size_images_count", "model", "ensemble");
    assertMoved(3, before, after, "digits_batch_size_images_sum", "model", "ensemble");
    assertMoved(
        0, before, after, "digits_batch_size_images_bucket", "model", "ensemble", "le", "2.0");
    assertMoved(
        1, before, after, "digits_batch_size_images_bucket", "model", "ensemble", "le", "4.0");

    // Low confidence, below the CNN card's threshold: the grey tensor's answer, as it says.
    double threshold =
        Cards.card("cnn")
            .getJsonObject("calibration")
            .getJsonNumber("lowConfidenceBelow")
            .doubleValue();
    double doubtful =
        ((JsonObject) Http.json(tensor))
            .getJsonArray("outputs").stream()
                .map(o -> o.asJsonObject())
                .filter(o -> o.getString("name").equals("confidence"))
                .mapToDouble(o -> o.getJsonArray("data").getJsonNumber(0).doubleValue())
                .filter(c -> c < threshold)
                .count();
    assertMoved(doubtful, before, after, "digits_predictions_low_confidence_total", "model", "cnn");

    // Gauges: nothing in flight between requests, both models' load times, the JVM's own figures.
    assertEquals(0, after.value("digits_images_in_flight"));
    assertEquals(0, after.value("digits_draining"));
    assertTrue(after.value("digits_model_load_seconds", "model", "cnn") > 0);
    assertTrue(after.value("digits_model_load_seconds", "model", "ann") > 0);
    assertTrue(after.sum("jvm_memory_used_bytes") > 0);
  }

  @Test
  void scrapeIsPrometheusText() {
    HttpResponse<String> r = http.get("/prometheus");
    assertEquals(200, r.statusCode());
    // The media type and its parameters; servers differ in the spaces between them (WildFly drops
    // them), which HTTP leaves free.
    String type = r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    assertEquals("text/plain;version=0.0.4;charset=utf-8", type);
    assertTrue(r.body().contains("# TYPE digits_predictions_total counter"), r.body());
  }

  private Scrape scrape() {
    return new Scrape(http.get("/prometheus").body());
  }

  private static String dataUrl(float[] mnist) {
    return CanvasRenderer.dataUrl(
        CanvasRenderer.png(CanvasRenderer.render(mnist, Style.oldCanvas())));
  }

  private static void assertMoved(
      double by, Scrape before, Scrape after, String name, String... labels) {
    assertEquals(
        by,
        after.value(name, labels) - before.value(name, labels),
        name + " " + String.join(",", labels));
  }
}
