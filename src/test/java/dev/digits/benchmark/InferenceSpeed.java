package dev.digits.benchmark;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Open Inference Protocol's two speed figures on the CNN at 8 clients: one FP32 [1,28,28]
 * tensor as JSON per request, and 64 images per request as a binary FP32 [64,28,28] tensor, both of
 * MNIST test digits. Run alone against a running server: {@code exec:exec@inference-speed
 * -Dbench.url=http://localhost:8080}.
 */
final class InferenceSpeed {
  private static final String ROUTE = "/v2/models/cnn/infer";
  private static final int BATCH = 64;

  private InferenceSpeed() {}

  /** Warms each form up as the benchmark's routes are, then measures 10 s at 8 clients. */
  static Map<String, Object> measure(MnistDataset test, String base, int seconds)
      throws IOException, InterruptedException {
    Path dir = Path.of("target/bench");
    List<byte[]> json = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      json.add(jsonBody(test.images()[i * 37]).getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> binary = new ArrayList<>();
    List<Integer> headerLengths = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      byte[] header = binaryHeader().getBytes(StandardCharsets.UTF_8);
      ByteBuffer body = ByteBuffer.allocate(header.length + BATCH * 784 * 4);
      body.put(header).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < BATCH; i++) {
        for (float v : test.images()[(b * BATCH + i) * 11]) {
          body.putFloat(v);
        }
      }
      binary.add(body.array());
      headerLengths.add(header.length);
    }
    Wrk jsonWrk = new Wrk(dir.resolve("infer-json.lua"), json, "application/json", null);
    Wrk binaryWrk =
        new Wrk(dir.resolve("infer-binary.lua"), binary, "application/octet-stream", headerLengths);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int run = 0; run < 3; run++) { // the JIT's warm-up, as for the other routes
      jsonWrk.run(base + ROUTE, 8, 10);
      binaryWrk.run(base + ROUTE, 1, 10);
    }
    Wrk.Result one = jsonWrk.run(base + ROUTE, 8, seconds);
    Wrk.Result batch = binaryWrk.run(base + ROUTE, 1, seconds);
    out.put("infer_cnn_fp32_1x28x28_json_req_per_s_c8", Math.round(one.perSecond()));
    out.put("infer_cnn_fp32_1x28x28_json_errors", one.errors());
    out.put(
        "infer_cnn_fp32_64x28x28_binary_images_per_s_c1",
        Math.round((batch.requests() - batch.errors()) / batch.seconds() * BATCH));
    out.put("infer_cnn_fp32_64x28x28_binary_errors", batch.errors());
    return out;
  }

  private static String jsonBody(float[] image) {
    StringBuilder s = new StringBuilder("{\"inputs\":[{\"name\":\"image\",\"shape\":[1,28,28],");
    s.append("\"datatype\":\"FP32\",\"data\":[");
    for (int i = 0; i < image.length; i++) {
      s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4g", image[i]));
    }
    return s.append("]}]}").toString();
  }

  /**
   * The JSON part of a binary request, as tritonclient.http writes it, asking for binary digits.
   */
  private static String binaryHeader() {
    return "{\"inputs\":[{\"name\":\"image\",\"shape\":["
        + BATCH
        + ",28,28],\"datatype\":\"FP32\","
        + "\"parameters\":{\"binary_data_size\":"
        + BATCH * 784 * 4
        + "}}],"
        + "\"outputs\":[{\"name\":\"digit\",\"parameters\":{\"binary_data\":true}}]}";
  }

  public static void main(String[] args) throws Exception {
    MnistDataset test = MnistFiles.fromSystemProperty().test();
    System.out.println(Json.write(new LinkedHashMap<>(measure(test, args[0], 10))));
  }
}
