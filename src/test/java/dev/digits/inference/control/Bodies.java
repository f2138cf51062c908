package dev.digits.inference.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Request bodies as clients write them: a JSON object, then any binary tensor data. */
final class Bodies {
  private Bodies() {}

  /** A body and the Inference-Header-Content-Length to send with it (null: JSON only). */
  record Body(byte[] bytes, String headerLength) {
    InferenceRequest decode() {
      return RequestDecoder.decode(bytes, headerLength);
    }
  }

  static Body json(String json) {
    return new Body(json.getBytes(StandardCharsets.UTF_8), null);
  }

  static Body binary(String json, byte[]... tensors) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] head = json.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(head);
    for (byte[] t : tensors) {
      out.writeBytes(t);
    }
    return new Body(out.toByteArray(), Integer.toString(head.length));
  }

  static byte[] fp32(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  /** BYTES elements as Triton's clients serialise them: 4-byte little-endian length, bytes. */
  static byte[] bytesTensor(byte[]... elements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : elements) {
      out.writeBytes(
          ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(e.length).array());
      out.writeBytes(e);
    }
    return out.toByteArray();
  }

  /** A JSON request with one input and the given extra fields, e.g. outputs. */
  static String request(String datatype, String shape, String data, String extra) {
    return "{\"inputs\":[{\"name\":\"image\",\"datatype\":\""
        + datatype
        + "\",\"shape\":"
        + shape
        + ","
        + data
        + "}]"
        + extra
        + "}";
  }

  /** Values as a JSON array, flat. */
  static String array(float[] values) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append(values[i]);
    }
    return s.append(']').toString();
  }

  /** N test images with distinct, exactly representable values in 0..1. */
  static float[] pixels(int n) {
    float[] v = new float[n * 784];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7 % 256) / 255f;
    }
    return v;
  }
}
