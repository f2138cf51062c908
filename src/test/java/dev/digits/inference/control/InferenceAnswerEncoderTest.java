package dev.digits.inference.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.Prediction;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceAnswerEncoderTest {
  private static final float[] SEVEN = {
    1e-7f, 2e-6f, 0.001f, 0.0001f, 3e-5f, 1e-6f, 1e-8f, 0.9987f, 0.0001f, 0.0000123f
  };
  private static final float[] TWO = {
    0.01f, 0.02f, 0.9f, 0.01f, 0.01f, 0.01f, 0.01f, 0.01f, 0.01f, 0.02f
  };
  private static final List<Prediction> BOTH = List.of(Prediction.of(SEVEN), Prediction.of(TWO));

  private static List<OutputChoice> all(boolean binary) {
    return Arrays.stream(Output.values()).map(o -> new OutputChoice(o, binary)).toList();
  }

  private static JsonObject json(EncodedAnswer a) {
    String text = new String(a.body(), 0, a.jsonLength(), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static float[] floats(JsonArray a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getJsonNumber(i).bigDecimalValue().floatValue();
    }
    return out;
  }

  @Test
  void jsonAnswerCarriesEveryOutputWithItsShapeAndTheVeryFloats() {
    EncodedAnswer a = AnswerEncoder.encode("cnn", "1", "42", BOTH, all(false));
    assertFalse(a.hasBinary());
    JsonObject o = json(a);
    assertEquals("cnn", o.getString("model_name"));
    assertEquals("1", o.getString("model_version"));
    assertEquals("42", o.getString("id"));
    JsonArray outputs = o.getJsonArray("outputs");
    assertEquals(3, outputs.size());
    JsonObject p = outputs.getJsonObject(0);
    assertEquals("probabilities", p.getString("name"));
    assertEquals("FP32", p.getString("datatype"));
    assertEquals("[2,10]", p.getJsonArray("shape").toString());
    float[] both = new float[20];
    System.arraycopy(SEVEN, 0, both, 0, 10);
    System.arraycopy(TWO, 0, both, 10, 10);
    assertArrayEquals(both, floats(p.getJsonArray("data")));
    JsonObject digit = outputs.getJsonObject(1);
    assertEquals("digit", digit.getString("name"));
    assertEquals("INT64", digit.getString("datatype"));
    assertEquals("[2]", digit.getJsonArray("shape").toString());
    assertEquals("[7,2]", digit.getJsonArray("data").toString());
    JsonObject confidence = outputs.getJsonObject(2);
    assertEquals("confidence", confidence.getString("name"));
    assertArrayEquals(new float[] {0.9987f, 0.9f}, floats(confidence.getJsonArray("data")));
  }

  @Test
  void noIdMeansNoIdAndIdsAreEscaped() {
    assertFalse(json(AnswerEncoder.encode("ann", "1", null, BOTH, all(false))).containsKey("id"));
    String id = "a \"quoted\"\\ id\n\u0001é";
    assertEquals(id, json(AnswerEncoder.encode("ann", "1", id, BOTH, all(false))).getString("id"));
  }

  @Test
  void binaryOutputsFollowTheJsonInOrderLittleEndian() {
    EncodedAnswer a = AnswerEncoder.encode("ann", "1", null, BOTH, all(true));
    assertTrue(a.hasBinary());
    JsonArray outputs = json(a).getJsonArray("outputs");
    int[] sizes = {80, 16, 8};
    ByteBuffer rest =
        ByteBuffer.wrap(a.body(), a.jsonLength(), a.body().length - a.jsonLength())
            .slice()
            .order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(80 + 16 + 8, rest.remaining());
    for (int i = 0; i < 3; i++) {
      JsonObject out = outputs.getJsonObject(i);
      assertFalse(out.containsKey("data"));
      assertEquals(sizes[i], out.getJsonObject("parameters").getInt("binary_data_size"));
    }
    for (int i = 0; i < 10; i++) {
      assertEquals(SEVEN[i], rest.getFloat());
    }
    for (int i = 0; i < 10; i++) {
      assertEquals(TWO[i], rest.getFloat());
    }
    assertEquals(7L, rest.getLong());
    assertEquals(2L, rest.getLong());
    assertEquals(0.9987f, rest.getFloat());
    assertEquals(0.9f, rest.getFloat());
  }

  @Test
  void onlyTheOutputsAskedForInTheirOrderMixingBinaryAndJson() {
    List<OutputChoice> asked =
        List.of(new OutputChoice(Output.CONFIDENCE, true), new OutputChoice(Output.DIGIT, false));
    EncodedAnswer a = AnswerEncoder.encode("ensemble", "1", null, BOTH, asked);
    JsonArray outputs = json(a).getJsonArray("outputs");
    assertEquals(2, outputs.size());
    assertEquals("confidence", outputs.getJsonObject(0).getString("name"));
    assertEquals(
        8, outputs.getJsonObject(0).getJsonObject("parameters").getInt("binary_data_size"));
    assertEquals("digit", outputs.getJsonObject(1).getString("name"));
    assertEquals("[7,2]", outputs.getJsonObject(1).getJsonArray("data").toString());
    ByteBuffer rest = ByteBuffer.wrap(a.body(), a.jsonLength(), 8).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0.9987f, rest.getFloat());
    assertEquals(0.9f, rest.getFloat());
    assertEquals(a.jsonLength() + 8, a.body().length);
  }

  @Test
  void tinyProbabilitiesStayValidJson() {
    float[] p = new float[10];
    p[3] = 1f;
    p[4] = Float.MIN_VALUE;
    EncodedAnswer a = AnswerEncoder.encode("ann", "1", null, List.of(Prediction.of(p)), all(false));
    JsonArray data = json(a).getJsonArray("outputs").getJsonObject(0).getJsonArray("data");
    assertEquals(Float.MIN_VALUE, data.getJsonNumber(4).bigDecimalValue().floatValue());
  }
}
