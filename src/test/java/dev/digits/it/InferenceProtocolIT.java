package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol (KServe v2 REST) at /v2 on a real Payara Micro: every endpoint, its
 * errors, a request exactly as tritonclient.http writes it, and 1,000 MNIST digits over it.
 */
class InferenceProtocolIT extends DeployedApp {
  private static final String JSON = "application/json";
  private static final int DIGITS = 1000;
  private static final int BATCH = 64;

  float[] seven;

  @BeforeEach
  void setUp() {
    seven = MnistFixture.test().images()[0]; // a clear 7
  }

  @Test
  void serverHealthAndMetadata() {
    assertJson(200, "{\"live\":true}", http.get("/v2/health/live"));
    assertJson(200, "{\"ready\":true}", http.get("/v2/health/ready"));
    HttpResponse<String> server = http.get("/v2");
    assertEquals(200, server.statusCode(), server.body());
    JsonObject o = (JsonObject) Http.json(server);
    assertEquals("digit-identifier", o.getString("name"));
    assertFalse(o.getString("version").isBlank());
    assertTrue(
        o.getJsonArray("extensions").getValuesAs(jakarta.json.JsonString.class).stream()
            .anyMatch(s -> s.getString().equals("binary_tensor_data")));
    assertEquals(JSON, contentType(server));
    String openapi = http.get("/openapi").body();
    for (String path : List.of("/v2:", "/v2/health/ready:", "/v2/models/{model}/infer:")) {
      assertTrue(openapi.contains(path), path + " in the OpenAPI document");
    }
    assertFalse(openapi.contains("/api/v2"), "the internal paths are not described");
  }

  @Test
  void modelMetadataAndReadinessForEachModel() {
    for (String model : List.of("ann", "cnn", "ensemble")) {
      for (String path : List.of("/v2/models/" + model, "/v2/models/" + model + "/versions/1")) {
        HttpResponse<String> r = http.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertEquals(JSON, contentType(r));
        JsonObject o = (JsonObject) Http.json(r);
        assertEquals(model, o.getString("name"));
        assertEquals("[\"1\"]", o.getJsonArray("versions").toString());
        assertFalse(o.getString("platform").isBlank());
        assertEquals(
            "[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[-1,28,28]}]",
            o.getJsonArray("inputs").toString());
        assertEquals(
            "[{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,10]},"
                + "{\"name\":\"digit\",\"datatype\":\"INT64\",\"shape\":[-1]},"
                + "{\"name\":\"confidence\",\"datatype\":\"FP32\",\"shape\":[-1]}]",
            o.getJsonArray("outputs").toString());
        assertJson(200, "{\"name\":\"" + model + "\",\"ready\":true}", http.get(path + "/ready"));
      }
    }
    assertError(404, "unknown model 'svm'", http.get("/v2/models/svm"));
    assertError(404, "unknown model 'svm'", http.get("/v2/models/svm/ready"));
    assertError(404, "no version '2'", http.get("/v2/models/cnn/versions/2"));
    assertError(404, "no version '2'", http.get("/v2/models/cnn/versions/2/ready"));
  }

  @Test
  void jsonRequestsInEveryDatatypeAndShape() {
    String floats = Arrays.toString(seven).replace(" ", "");
    StringBuilder bytes = new StringBuilder("[");
    for (int i = 0; i < 784; i++) {
      bytes.append(i == 0 ? "" : ",").append(Math.round(seven[i] * 255));
    }
    String uint8 = bytes.append(']').toString();
    byte[] png = CanvasRenderer.png(CanvasRenderer.render(seven, Style.oldCanvas()));
    String b64 = Base64.getEncoder().encodeToString(png);
    String[][] inputs = {
      {"FP32", "[1,28,28]", floats},
      {"FP32", "[1,784]", floats},
      {"FP32", "[1,1,28,28]", floats},
      {"UINT8", "[1,28,28]", uint8},
      {"BYTES", "[1]", "[\"" + b64 + "\"]"},
      {"BYTES", "[1]", "[\"data:image/png;base64," + b64 + "\"]"},
    };
    for (String[] in : inputs) {
      String body =
          "{\"id\":\"seven\",\"inputs\":[{\"name\":\"image\",\"datatype\":\""
              + in[0]
              + "\",\"shape\":"
              + in[1]
              + ",\"data\":"
              + in[2]
              + "}]}";
      for (String model : List.of("ann", "cnn", "ensemble")) {
        HttpResponse<String> r = http.post("/v2/models/" + model + "/infer", JSON, body);
        String what = model + " " + in[0] + " " + in[1];
        assertEquals(200, r.statusCode(), what + ": " + r.body());
        assertEquals(JSON, contentType(r), what);
        assertFalse(r.headers().firstValue("Inference-Header-Content-Length").isPresent());
        JsonObject o = (JsonObject) Http.json(r);
        assertEquals(model, o.getString("model_name"));
        assertEquals("seven", o.getString("id"));
        JsonArray outputs = o.getJsonArray("outputs");
        assertEquals(3, outputs.size(), what);
        assertEquals("[7]", outputs.getJsonObject(1).getJsonArray("data").toString(), what);
        assertEquals(10, outputs.getJsonObject(0).getJsonArray("data").size(), what);
      }
    }
  }

  @Test
  void onlyTheOutputsAskedForEachInTheFormAsked() {
    String body =
        "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,784],\"data\":"
            + Arrays.toString(seven)
            + "}],\"outputs\":[{\"name\":\"confidence\",\"parameters\":{\"binary_data\":true}},"
            + "{\"name\":\"digit\"}]}";
    HttpResponse<byte[]> r =
        http.sendForBytes(
            HttpRequest.newBuilder(http.uri("/v2/models/cnn/versions/1/infer"))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertEquals(200, r.statusCode());
    assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
    TritonHttp.Result result = TritonHttp.Result.of(r);
    assertEquals(2, result.json().getJsonArray("outputs").size());
    assertFalse(result.json().containsKey("id"));
    assertEquals("1", result.json().getString("model_version"));
    assertArrayEquals(new long[] {7}, result.longs("digit"));
    assertTrue(result.floats("confidence")[0] > 0.9f);
    assertEquals(4, result.buffer().length);
  }

  @Test
  void aRequestExactlyAsTritonClientWritesItIsAnsweredAsItReadsIt() {
    HttpResponse<byte[]> r =
        http.sendForBytes(
            TritonHttp.infer(
                http.uri("/v2/models/cnn/infer"),
                "",
                "FP32",
                new long[] {2, 28, 28},
                TritonHttp.float32(seven, MnistFixture.test().images()[1]),
                null));
    assertEquals(200, r.statusCode(), new String(r.body()));
    assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
    TritonHttp.Result result = TritonHttp.Result.of(r);
    assertEquals(MnistFixture.test().labels()[1], result.longs("digit")[1]);
    assertEquals(7, result.longs("digit")[0]);
    assertEquals("[2,10]", result.output("probabilities").getJsonArray("shape").toString());
    float[] expected =
        Cards.calibrated(ModelFiles.cnnForwardPass(ModelFiles.directory(Path.of("models"))), "cnn")
            .probabilities(seven);
    assertArrayEquals(expected, Arrays.copyOf(result.floats("probabilities"), 10), 1e-6f);
    assertEquals(expected[7], result.floats("confidence")[0], 1e-6f);

    HttpResponse<byte[]> named =
        http.sendForBytes(
            TritonHttp.infer(
                http.uri("/v2/models/ann/versions/1/infer"),
                "42",
                "BYTES",
                new long[] {1},
                TritonHttp.bytesElements(
                    List.of(CanvasRenderer.png(CanvasRenderer.render(seven, Style.oldCanvas())))),
                List.of("digit")));
    TritonHttp.Result digit = TritonHttp.Result.of(named);
    assertEquals("42", digit.json().getString("id"));
    assertEquals("ann", digit.json().getString("model_name"));
    assertArrayEquals(new long[] {7}, digit.longs("digit"));
    assertEquals(1, digit.json().getJsonArray("outputs").size());
  }

  @Test
  void thousandMnistDigitsAsFp32TensorsScoreExactlyAsTheModelsDoInProcess() {
    MnistDataset test = MnistFixture.test();
    ModelFiles.Source models = ModelFiles.directory(Path.of("models"));
    Map<String, DigitClassifier> inProcess =
        Map.of("ann", ModelFiles.ann(models), "cnn", ModelFiles.cnnForwardPass(models));
    for (var model : inProcess.entrySet()) {
      int served = 0;
      int own = 0;
      for (int start = 0; start < DIGITS; start += BATCH) {
        float[][] batch = Arrays.copyOfRange(test.images(), start, Math.min(DIGITS, start + BATCH));
        long[] digits = inferFp32(model.getKey(), batch, start / BATCH % 2 == 0);
        for (int i = 0; i < batch.length; i++) {
          int expected = Prediction.argmax(model.getValue().probabilities(batch[i]));
          assertEquals(expected, digits[i], model.getKey() + " digit " + (start + i));
          served += digits[i] == test.labels()[start + i] ? 1 : 0;
          own += expected == test.labels()[start + i] ? 1 : 0;
        }
      }
      assertEquals(own, served, model.getKey() + ": right over /v2 and in process, of " + DIGITS);
      assertTrue(served >= DIGITS * 98 / 100, model.getKey() + ": " + served);
    }
  }

  /** One batch as FP32 [N,28,28]: binary as tritonclient sends it, or JSON. */
  private long[] inferFp32(String model, float[][] images, boolean binary) {
    String uri = "/v2/models/" + model + "/infer";
    if (binary) {
      HttpResponse<byte[]> r =
          http.sendForBytes(
              TritonHttp.infer(
                  http.uri(uri),
                  "",
                  "FP32",
                  new long[] {images.length, 28, 28},
                  TritonHttp.float32(images),
                  List.of("digit")));
      assertEquals(200, r.statusCode());
      return TritonHttp.Result.of(r).longs("digit");
    }
    StringBuilder json =
        new StringBuilder("{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\"");
    json.append(",\"shape\":[").append(images.length).append(",28,28],\"data\":[");
    for (int i = 0; i < images.length; i++) {
      json.append(i == 0 ? "" : ",").append(Arrays.toString(images[i]));
    }
    json.append("]}],\"outputs\":[{\"name\":\"digit\"}]}");
    HttpResponse<String> r = http.post(uri, JSON, json.toString());
    assertEquals(200, r.statusCode(), r.body());
    JsonArray data =
        ((JsonObject) Http.json(r)).getJsonArray("outputs").getJsonObject(0).getJsonArray("data");
    return data.getValuesAs(jakarta.json.JsonNumber.class).stream()
        .mapToLong(jakarta.json.JsonNumber::longValue)
        .toArray();
  }

  @Test
  void thousandDigitsAsPngPicturesScoreAsTheOtherRoutesDo() {
    MnistDataset test = MnistFixture.test();
    int agreed = 0;
    int right = 0;
    for (int start = 0; start < DIGITS; start += BATCH) {
      List<byte[]> pngs = new ArrayList<>();
      StringBuilder v1 = new StringBuilder("{\"images\":[");
      for (int i = start; i < Math.min(DIGITS, start + BATCH); i++) {
        byte[] png = CanvasRenderer.png(CanvasRenderer.render(test.images()[i], Style.oldCanvas()));
        pngs.add(png);
        v1.append(i == start ? "" : ",")
            .append('"')
            .append(CanvasRenderer.dataUrl(png))
            .append('"');
      }
      HttpResponse<byte[]> r =
          http.sendForBytes(
              TritonHttp.infer(
                  http.uri("/v2/models/cnn/infer"),
                  "",
                  "BYTES",
                  new long[] {pngs.size()},
                  TritonHttp.bytesElements(pngs),
                  null));
      assertEquals(200, r.statusCode(), new String(r.body()));
      long[] digits = TritonHttp.Result.of(r).longs("digit");
      HttpResponse<String> other =
          http.post("/api/v1/predict/batch?model=cnn", JSON, v1.append("]}").toString());
      assertEquals(200, other.statusCode(), other.body());
      JsonArray answers = (JsonArray) Http.json(other);
      for (int i = 0; i < pngs.size(); i++) {
        int expected = answers.getJsonObject(i).getInt("digit");
        agreed += digits[i] == expected ? 1 : 0;
        right += digits[i] == test.labels()[start + i] ? 1 : 0;
      }
    }
    assertEquals(DIGITS, agreed, "the same digit as /api/v1/predict/batch for every picture");
    assertTrue(right >= DIGITS * 98 / 100, right + " right of " + DIGITS);
  }

  @Test
  void errorsAreTheProtocolsJsonWithTheirStatus() {
    String image =
        "{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,784],\"data\":"
            + Arrays.toString(seven)
            + "}";
    String infer = "/v2/models/cnn/infer";
    assertError(400, "empty body", http.post(infer, JSON, ""));
    assertError(400, "malformed JSON", http.post(infer, JSON, "{\"inputs\":["));
    assertError(
        400,
        "not [1, 28, 27]",
        http.post(infer, JSON, "{\"inputs\":[" + image.replace("[1,784]", "[1,28,27]") + "]}"));
    assertError(
        400,
        "not INT32",
        http.post(infer, JSON, "{\"inputs\":[" + image.replace("FP32", "INT32") + "]}"));
    assertError(
        400,
        "holds 1568 elements",
        http.post(infer, JSON, "{\"inputs\":[" + image.replace("[1,784]", "[2,784]") + "]}"));
    assertError(
        400,
        "unknown output 'logits'",
        http.post(infer, JSON, "{\"inputs\":[" + image + "],\"outputs\":[{\"name\":\"logits\"}]}"));
    assertError(
        400, "Inference-Header-Content-Length", http.post(infer, null, TritonHttp.float32(seven)));
    assertError(
        404,
        "unknown model 'svm'",
        http.post("/v2/models/svm/infer", JSON, "{\"inputs\":[" + image + "]}"));
    assertError(
        404,
        "no version '7'",
        http.post("/v2/models/cnn/versions/7/infer", JSON, "{\"inputs\":[" + image + "]}"));
    assertError(
        413,
        "1 to 64 images, not 65",
        http.post(
            infer,
            JSON,
            "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"UINT8\",\"shape\":[65,784],"
                + "\"parameters\":{\"binary_data_size\":0}}]}"));
    assertError(413, "10 MiB", http.post(infer, JSON, new byte[10 * 1024 * 1024 + 1]));
    assertError(
        415,
        "image 0: not an image",
        http.post(
            infer,
            JSON,
            "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[2],"
                + "\"data\":[\"aGVsbG8=\",\"aGVsbG8=\"]}]}"));
    byte[] blank = CanvasRenderer.png(CanvasRenderer.render(new float[784], Style.oldCanvas()));
    assertError(
        422,
        "no digit found",
        http.post(
            infer,
            JSON,
            "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\""
                + Base64.getEncoder().encodeToString(blank)
                + "\"]}]}"));
    assertError(405, "method not allowed", http.get(infer));
    assertError(404, "no such", http.get("/v2/nothing"));
    assertError(404, "no such", http.get("/v2/models/cnn/infer/more"));
    assertError(404, "no such route of the inference protocol", http.get("/v2/models/c%20n"));
    HttpResponse<String> escape = http.get("/v2/.%2e/WEB-INF/web.xml");
    assertTrue(escape.statusCode() >= 400, escape.statusCode() + " " + escape.body());
    assertFalse(escape.body().contains("web-app"), escape.body());
    assertJson(200, "{\"live\":true}", http.get("/v2/health/live"));
  }

  @Test
  void overloadAnswers503InTheProtocolsForm() throws Exception {
    float[][] images = Arrays.copyOf(MnistFixture.test().images(), BATCH);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      boolean busySeen = false;
      for (int round = 0; round < 5 && !busySeen; round++) {
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          answers.add(
              pool.submit(
                  () ->
                      http.sendForBytes(
                          TritonHttp.infer(
                              http.uri("/v2/models/ensemble/infer"),
                              "",
                              "FP32",
                              new long[] {BATCH, 28, 28},
                              TritonHttp.float32(images),
                              null))));
        }
        for (Future<HttpResponse<byte[]>> f : answers) {
          HttpResponse<byte[]> r = f.get();
          if (r.statusCode() == 503) {
            busySeen = true;
            assertEquals(JSON, r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
            assertTrue(
                new String(r.body()).startsWith("{\"error\":\"the service is busy"),
                new String(r.body()));
          } else {
            assertEquals(200, r.statusCode(), new String(r.body()));
          }
        }
      }
      assertTrue(busySeen, "64-image requests at once exceed the 64 images admitted");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyMethodOnEveryProtocolRouteAnswersCleanly() {
    String[] routes = {
      "/v2",
      "/v2/",
      "/v2/health/live",
      "/v2/health/ready",
      "/v2/models/cnn",
      "/v2/models/cnn/ready",
      "/v2/models/cnn/versions/1",
      "/v2/models/cnn/infer",
      "/v2/models/cnn/versions/1/infer",
      "/v2/models",
      "/v2/nothing",
      "/v2/models/x;a=b/infer"
    };
    String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO"};
    for (String route : routes) {
      for (String method : methods) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(http.uri(route))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build());
        String what = method + " " + route;
        assertTrue(r.statusCode() < 500, what + ": " + r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("at dev."), what);
        if (r.statusCode() >= 400 && !method.equals("HEAD")) {
          assertEquals(JSON, contentType(r), what);
          JsonObject o = (JsonObject) Http.json(r);
          assertEquals(1, o.size(), what + ": " + r.body());
          assertFalse(o.getString("error").isBlank(), what);
        }
      }
    }
  }

  private static String contentType(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  private static void assertJson(int status, String body, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(JSON, contentType(r));
    assertEquals(body, r.body());
  }

  /** The protocol's error: {"error": "..."} alone, as application/json exactly. */
  private static void assertError(int status, String fragment, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(JSON, contentType(r), r.body());
    JsonObject o = (JsonObject) Http.json(r);
    assertEquals(1, o.size(), r.body());
    assertTrue(o.getString("error").contains(fragment), r.body() + " should say " + fragment);
  }
}
