package dev.digits.inference.control;

import static dev.digits.inference.control.Bodies.array;
import static dev.digits.inference.control.Bodies.pixels;
import static dev.digits.inference.control.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceRequestDecoderTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};

  private static List<float[]> mnist(InferenceRequest r) {
    return assertInstanceOf(ImageInput.Mnist.class, r.image()).images();
  }

  private static List<byte[]> pictures(InferenceRequest r) {
    return assertInstanceOf(ImageInput.Pictures.class, r.image()).pictures();
  }

  private static void assertImages(float[] expected, List<float[]> images) {
    assertEquals(expected.length / 784, images.size());
    for (int n = 0; n < images.size(); n++) {
      assertArrayEquals(Arrays.copyOfRange(expected, n * 784, (n + 1) * 784), images.get(n));
    }
  }

  @Test
  void fp32InJsonInEveryShapeIsReadAsItIs() {
    float[] v = pixels(3);
    for (String shape : List.of("[3,28,28]", "[3,784]", "[3,1,28,28]")) {
      InferenceRequest r = Bodies.json(request("FP32", shape, "\"data\":" + array(v), "")).decode();
      assertImages(v, mnist(r));
    }
  }

  @Test
  void fp32InJsonMayBeNestedAsTheShapeIs() {
    float[] v = pixels(1);
    StringBuilder nested = new StringBuilder("[[");
    for (int row = 0; row < 28; row++) {
      nested
          .append(row == 0 ? "" : ",")
          .append(array(Arrays.copyOfRange(v, row * 28, row * 28 + 28)));
    }
    nested.append("]]");
    InferenceRequest r =
        Bodies.json(request("FP32", "[1,28,28]", "\"data\":" + nested, "")).decode();
    assertImages(v, mnist(r));
  }

  @Test
  void fp32TextReadsBackAsTheVeryFloat() {
    float[] v = new float[784];
    v[0] = 0.1f;
    v[1] = Math.nextUp(0.1f);
    v[2] = Float.MIN_VALUE;
    v[3] = 1f;
    v[4] = 0.99999994f;
    InferenceRequest r =
        Bodies.json(request("FP32", "[1,784]", "\"data\":" + array(v), "")).decode();
    assertArrayEquals(v, mnist(r).get(0));
  }

  @Test
  void fp32InBinaryIsLittleEndianRowMajor() {
    float[] v = pixels(2);
    String json =
        request(
            "FP32", "[2,28,28]", "\"parameters\":{\"binary_data_size\":" + v.length * 4 + "}", "");
    assertImages(v, mnist(Bodies.binary(json, Bodies.fp32(v)).decode()));
  }

  @Test
  void uint8IsDividedBy255AsTheMnistReaderDoes() {
    byte[] raw = new byte[784 * 2];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i % 256);
    }
    float[] expected = new float[raw.length];
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < raw.length; i++) {
      expected[i] = (raw[i] & 0xff) / 255f;
      json.append(i == 0 ? "" : ",").append(raw[i] & 0xff);
    }
    json.append(']');
    assertImages(
        expected, mnist(Bodies.json(request("UINT8", "[2,784]", "\"data\":" + json, "")).decode()));
    String header =
        request("UINT8", "[2,1,28,28]", "\"parameters\":{\"binary_data_size\":1568}", "");
    assertImages(expected, mnist(Bodies.binary(header, raw).decode()));
  }

  @Test
  void bytesInJsonAreStringsAndInBinaryLengthPrefixed() {
    String b64 = Base64.getEncoder().encodeToString(PNG);
    String dataUrl = "data:image/png;base64," + b64;
    InferenceRequest json =
        Bodies.json(request("BYTES", "[2]", "\"data\":[\"" + b64 + "\",\"" + dataUrl + "\"]", ""))
            .decode();
    assertArrayEquals(b64.getBytes(StandardCharsets.UTF_8), pictures(json).get(0));
    assertArrayEquals(dataUrl.getBytes(StandardCharsets.UTF_8), pictures(json).get(1));

    byte[] tensor = Bodies.bytesTensor(PNG, new byte[] {9, 8});
    String header =
        request("BYTES", "[2]", "\"parameters\":{\"binary_data_size\":" + tensor.length + "}", "");
    List<byte[]> binary = pictures(Bodies.binary(header, tensor).decode());
    assertArrayEquals(PNG, binary.get(0));
    assertArrayEquals(new byte[] {9, 8}, binary.get(1));
  }

  @Test
  void tritonClientsRequestIsReadByteForByte() {
    // tritonclient.http with InferInput.set_data_from_numpy(binary_data=True) and no outputs named:
    // rapidjson's compact JSON, request parameters last, then the raw tensor.
    float[] v = pixels(1);
    String json =
        "{\"id\":\"req-1\",\"inputs\":[{\"name\":\"image\",\"shape\":[1,28,28],\"datatype\":\"FP32\","
            + "\"parameters\":{\"binary_data_size\":3136}}],"
            + "\"parameters\":{\"binary_data_output\":true}}";
    InferenceRequest r = Bodies.binary(json, Bodies.fp32(v)).decode();
    assertEquals("req-1", r.id());
    assertImages(v, mnist(r));
    assertEquals(
        List.of(
            new OutputChoice(Output.PROBABILITIES, true),
            new OutputChoice(Output.DIGIT, true),
            new OutputChoice(Output.CONFIDENCE, true)),
        r.outputs());
  }

  @Test
  void outputsAreThoseNamedInTheirOrderEachBinaryAsAsked() {
    String outputs =
        ",\"outputs\":[{\"name\":\"confidence\"},{\"name\":\"digit\",\"parameters\":{\"binary_data\":true}}]";
    InferenceRequest r =
        Bodies.json(request("FP32", "[1,784]", "\"data\":" + array(pixels(1)), outputs)).decode();
    assertNull(r.id());
    assertEquals(
        List.of(new OutputChoice(Output.CONFIDENCE, false), new OutputChoice(Output.DIGIT, true)),
        r.outputs());

    String allBinary =
        ",\"parameters\":{\"binary_data_output\":true},"
            + "\"outputs\":[{\"name\":\"probabilities\",\"parameters\":{\"binary_data\":false}},"
            + "{\"name\":\"digit\"}]";
    r = Bodies.json(request("FP32", "[1,784]", "\"data\":" + array(pixels(1)), allBinary)).decode();
    assertEquals(
        List.of(
            new OutputChoice(Output.PROBABILITIES, false), new OutputChoice(Output.DIGIT, true)),
        r.outputs());
  }

  @Test
  void noOutputsNamedMeansAllInJson() {
    InferenceRequest r =
        Bodies.json(request("FP32", "[1,784]", "\"data\":" + array(pixels(1)), ",\"outputs\":[]"))
            .decode();
    assertEquals(3, r.outputs().size());
    r.outputs().forEach(o -> assertEquals(false, o.binary()));
  }

  @Test
  void unknownFieldsAndParametersAreSkipped() {
    String deep = "[".repeat(20) + "{\"x\":[1,\"]]]\"]}" + "]".repeat(20);
    String extra =
        ",\"model_name\":\"cnn\",\"anything\":"
            + deep
            + ",\"parameters\":{\"priority\":1,\"timeout\":100,\"sequence_id\":\"s\"}";
    String input =
        "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,784],\"other\":{\"a\":"
            + deep
            + "},\"data\":"
            + array(pixels(1))
            + "}]"
            + extra
            + "}";
    assertImages(pixels(1), mnist(Bodies.json(input).decode()));
  }

  @Test
  void headerLengthZeroMeansTheWholeBodyIsJson() {
    byte[] body =
        request("FP32", "[1,784]", "\"data\":" + array(pixels(1)), "")
            .getBytes(StandardCharsets.UTF_8);
    assertImages(pixels(1), mnist(RequestDecoder.decode(body, "0")));
    assertImages(pixels(1), mnist(RequestDecoder.decode(body, Integer.toString(body.length))));
  }
}
