package dev.digits.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inference requests written byte for byte as tritonclient.http writes them
 * (_get_inference_request: rapidjson's compact JSON, {@code id}, {@code inputs}, {@code outputs},
 * then {@code parameters}; each input's raw little-endian data after the JSON; no Content-Type; the
 * JSON's length in Inference-Header-Content-Length), and answers read as its InferResult reads
 * them.
 */
final class TritonHttp {
  private TritonHttp() {}

  /**
   * {@code client.infer(model, [input], request_id=id, outputs=...)} with one input set by
   * set_data_from_numpy(binary_data=True); {@code outputs} null: none named, so the client asks
   * {@code binary_data_output}; else InferRequestedOutput(name) each, binary by default.
   */
  static HttpRequest infer(
      URI uri, String id, String datatype, long[] shape, byte[] raw, List<String> outputs) {
    StringBuilder json = new StringBuilder("{");
    if (!id.isEmpty()) {
      json.append("\"id\":\"").append(id).append("\",");
    }
    json.append("\"inputs\":[{\"name\":\"image\",\"shape\":[");
    for (int i = 0; i < shape.length; i++) {
      json.append(i == 0 ? "" : ",").append(shape[i]);
    }
    json.append("],\"datatype\":\"").append(datatype).append("\",\"parameters\":{");
    json.append("\"binary_data_size\":").append(raw.length).append("}}]");
    if (outputs != null) {
      json.append(",\"outputs\":[");
      for (int i = 0; i < outputs.size(); i++) {
        json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(outputs.get(i));
        json.append("\",\"parameters\":{\"binary_data\":true}}");
      }
      json.append(']');
    } else {
      json.append(",\"parameters\":{\"binary_data_output\":true}");
    }
    byte[] head = json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(head);
    body.writeBytes(raw);
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Inference-Header-Content-Length", Integer.toString(head.length))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  /** The raw bytes numpy's tobytes() gives for float32 values on a little-endian machine. */
  static byte[] float32(float[]... images) {
    ByteBuffer b =
        ByteBuffer.allocate(images.length * images[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] image : images) {
      for (float v : image) {
        b.putFloat(v);
      }
    }
    return b.array();
  }

  /** What serialize_byte_tensor gives for BYTES elements: each a 4-byte length, then its bytes. */
  static byte[] bytesElements(List<byte[]> elements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : elements) {
      out.writeBytes(
          ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(e.length).array());
      out.writeBytes(e);
    }
    return out.toByteArray();
  }

  /** An answer as InferResult reads it: the JSON, then each binary output at its offset. */
  record Result(JsonObject json, byte[] buffer, Map<String, Integer> offsets) {
    static Result of(HttpResponse<byte[]> r) {
      byte[] body = r.body();
      int headerLength =
          r.headers()
              .firstValue("Inference-Header-Content-Length")
              .map(Integer::parseInt)
              .orElse(body.length);
      JsonObject json =
          Json.createReader(
                  new StringReader(new String(body, 0, headerLength, StandardCharsets.UTF_8)))
              .readObject();
      Map<String, Integer> offsets = new HashMap<>();
      int index = 0;
      for (JsonValue v : json.getJsonArray("outputs")) {
        JsonObject output = v.asJsonObject();
        JsonObject parameters = output.getJsonObject("parameters");
        if (parameters != null && parameters.containsKey("binary_data_size")) {
          offsets.put(output.getString("name"), index);
          index += parameters.getInt("binary_data_size");
        }
      }
      byte[] buffer = new byte[body.length - headerLength];
      System.arraycopy(body, headerLength, buffer, 0, buffer.length);
      return new Result(json, buffer, offsets);
    }

    JsonObject output(String name) {
      for (JsonValue v : json.getJsonArray("outputs")) {
        if (v.asJsonObject().getString("name").equals(name)) {
          return v.asJsonObject();
        }
      }
      throw new AssertionError("no output " + name + " in " + json);
    }

    /** as_numpy(name).flatten() for FP32. */
    float[] floats(String name) {
      JsonObject output = output(name);
      int count = elements(output);
      float[] out = new float[count];
      if (offsets.containsKey(name)) {
        ByteBuffer b = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
          out[i] = b.getFloat(offsets.get(name) + 4 * i);
        }
      } else {
        JsonArray data = output.getJsonArray("data");
        for (int i = 0; i < count; i++) {
          out[i] = data.getJsonNumber(i).bigDecimalValue().floatValue();
        }
      }
      return out;
    }

    /** as_numpy(name).flatten() for INT64. */
    long[] longs(String name) {
      JsonObject output = output(name);
      long[] out = new long[elements(output)];
      for (int i = 0; i < out.length; i++) {
        out[i] =
            offsets.containsKey(name)
                ? ByteBuffer.wrap(buffer)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getLong(offsets.get(name) + 8 * i)
                : output.getJsonArray("data").getJsonNumber(i).longValueExact();
      }
      return out;
    }

    private static int elements(JsonObject output) {
      int n = 1;
      for (JsonValue d : output.getJsonArray("shape")) {
        n *= ((jakarta.json.JsonNumber) d).intValue();
      }
      return n;
    }
  }
}
