package dev.digits.inference.control;

import dev.digits.model.Prediction;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an inference answer ($inference_response): the outputs asked for, in order, each in JSON
 * (flat, row-major) or, where asked, as little-endian binary data after the JSON with its {@code
 * binary_data_size}.
 */
public final class AnswerEncoder {
  private AnswerEncoder() {}

  public static EncodedAnswer encode(
      String model,
      String version,
      String id,
      List<Prediction> predictions,
      List<OutputChoice> outputs) {
    StringBuilder json = new StringBuilder(256 + predictions.size() * 160);
    json.append("{\"model_name\":").append(JsonText.quote(model));
    json.append(",\"model_version\":").append(JsonText.quote(version));
    if (id != null) {
      json.append(",\"id\":").append(JsonText.quote(id));
    }
    json.append(",\"outputs\":[");
    ByteArrayOutputStream binary = new ByteArrayOutputStream();
    for (int i = 0; i < outputs.size(); i++) {
      Output o = outputs.get(i).output();
      json.append(i == 0 ? "{" : ",{").append("\"name\":").append(JsonText.quote(o.tensorName()));
      json.append(",\"datatype\":\"").append(o.datatype()).append("\",\"shape\":");
      appendShape(json, o.shape(predictions.size()));
      if (outputs.get(i).binary()) {
        byte[] data = binary(o, predictions);
        binary.writeBytes(data);
        json.append(",\"parameters\":{\"binary_data_size\":").append(data.length).append('}');
      } else {
        json.append(",\"data\":[");
        appendValues(json, o, predictions);
        json.append(']');
      }
      json.append('}');
    }
    byte[] head = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream(head.length + binary.size());
    body.writeBytes(head);
    body.writeBytes(binary.toByteArray());
    return new EncodedAnswer(body.toByteArray(), head.length);
  }

  private static void appendShape(StringBuilder json, long[] shape) {
    json.append('[');
    for (int i = 0; i < shape.length; i++) {
      json.append(i == 0 ? "" : ",").append(shape[i]);
    }
    json.append(']');
  }

  /** Floats as Java writes them: the shortest text that reads back as the same float. */
  private static void appendValues(StringBuilder json, Output o, List<Prediction> predictions) {
    boolean first = true;
    for (Prediction p : predictions) {
      switch (o) {
        case PROBABILITIES -> {
          for (float v : p.probabilities()) {
            json.append(first ? "" : ",").append(v);
            first = false;
          }
        }
        case DIGIT -> json.append(first ? "" : ",").append(p.digit());
        case CONFIDENCE -> json.append(first ? "" : ",").append(p.confidence());
      }
      first = false;
    }
  }

  private static byte[] binary(Output o, List<Prediction> predictions) {
    long elements = 1;
    for (long d : o.shape(predictions.size())) {
      elements *= d;
    }
    ByteBuffer out =
        ByteBuffer.allocate((int) elements * o.datatype().size()).order(ByteOrder.LITTLE_ENDIAN);
    for (Prediction p : predictions) {
      switch (o) {
        case PROBABILITIES -> {
          for (float v : p.probabilities()) {
            out.putFloat(v);
          }
        }
        case DIGIT -> out.putLong(p.digit());
        case CONFIDENCE -> out.putFloat(p.confidence());
      }
    }
    return out.array();
  }
}
