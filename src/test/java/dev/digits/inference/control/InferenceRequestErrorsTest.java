package dev.digits.inference.control;

import static dev.digits.inference.control.Bodies.array;
import static dev.digits.inference.control.Bodies.pixels;
import static dev.digits.inference.control.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.inference.control.InferenceException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every way a request can be wrong, each refused with its reason and a message that says what. */
class InferenceRequestErrorsTest {
  private static final String ONE = "\"data\":" + array(pixels(1));

  private static void refused(Reason reason, String fragment, Bodies.Body body) {
    InferenceException e = assertThrows(InferenceException.class, body::decode);
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should say " + fragment);
  }

  private static void malformed(String fragment, String json) {
    refused(Reason.MALFORMED, fragment, Bodies.json(json));
  }

  private static String binaryInput(String datatype, String shape, long size) {
    return request(datatype, shape, "\"parameters\":{\"binary_data_size\":" + size + "}", "");
  }

  @Test
  void bodiesThatAreNoRequestObject() {
    refused(Reason.MALFORMED, "empty body", new Bodies.Body(new byte[0], null));
    malformed("malformed JSON", "{\"inputs\": [");
    malformed("malformed JSON", "not json");
    malformed("must be a JSON object", "[1,2]");
    malformed("no \"inputs\"", "{\"id\":\"x\"}");
    malformed("\"inputs\" must be an array", "{\"inputs\":{}}");
    malformed("must be an object", "{\"inputs\":[1]}");
    malformed("\"id\" must be a string", "{\"id\":42,\"inputs\":[]}");
    malformed("malformed JSON", request("FP32", "[1,784]", ONE, "") + " trailing");
    malformed("nested deeper than", "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
  }

  @Test
  void inputsWithoutWhatTheyNeed() {
    malformed("no input 'image'", "{\"inputs\":[]}");
    malformed(
        "needs a \"name\", \"datatype\" and \"shape\"", "{\"inputs\":[{\"name\":\"image\"}]}");
    malformed(
        "unknown input 'pixels'",
        request("FP32", "[1,784]", ONE, "").replace("\"image\"", "\"pixels\""));
    String image = "{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,784]," + ONE + "}";
    malformed("given twice", "{\"inputs\":[" + image + "," + image + "]}");
    malformed("neither", request("FP32", "[1,784]", "\"parameters\":{}", ""));
    malformed(
        "both",
        request("FP32", "[1,784]", ONE + ",\"parameters\":{\"binary_data_size\":3136}", ""));
  }

  @Test
  void datatypesTheModelsDoNotTake() {
    malformed("unknown datatype 'FLOAT32'", request("FLOAT32", "[1,784]", ONE, ""));
    malformed("unknown datatype 'fp32'", request("fp32", "[1,784]", ONE, ""));
    for (String t : new String[] {"INT32", "FP64", "FP16", "BOOL", "INT64"}) {
      malformed("not " + t, request(t, "[1,784]", ONE, ""));
    }
  }

  @Test
  void shapesTheModelsDoNotTake() {
    for (String shape :
        new String[] {"[784]", "[1,28,27]", "[1,28,28,1]", "[1,3,28,28]", "[1,785]", "[1]", "[]"}) {
      malformed(
          "takes shape [N,28,28], [N,784] or [N,1,28,28], not", request("FP32", shape, ONE, ""));
    }
    malformed("takes shape [N], not [1, 1]", request("BYTES", "[1,1]", "\"data\":[\"x\"]", ""));
    malformed("negative size", request("FP32", "[-1,784]", ONE, ""));
    malformed("whole number", request("FP32", "[1.5,784]", ONE, ""));
    malformed("whole number", request("FP32", "[\"1\",784]", ONE, ""));
    malformed("out of range", request("FP32", "[" + "9".repeat(5000) + ",784]", ONE, ""));
    malformed("holds no images", request("FP32", "[0,784]", "\"data\":[]", ""));
  }

  @Test
  void moreThan64ImagesIsTooLarge() {
    refused(
        Reason.TOO_LARGE,
        "1 to 64 images, not 65",
        Bodies.json(request("FP32", "[65,784]", "\"data\":[]", "")));
    refused(
        Reason.TOO_LARGE,
        "1 to 64 images, not 100",
        Bodies.binary(binaryInput("UINT8", "[100,784]", 78_400), new byte[78_400]));
    refused(
        Reason.TOO_LARGE,
        "more than 50176 values",
        Bodies.json(request("FP32", "[1,784]", "\"data\":" + array(pixels(65)), "")));
  }

  @Test
  void dataThatDoesNotFillTheShape() {
    float[] short1 = Arrays.copyOf(pixels(1), 783);
    malformed(
        "holds 784 elements; it has 783 values",
        request("FP32", "[1,784]", "\"data\":" + array(short1), ""));
    malformed("holds 1568 elements; it has 784 values", request("FP32", "[2,28,28]", ONE, ""));
    malformed("holds 2 elements; it has 1 values", request("BYTES", "[2]", "\"data\":[\"x\"]", ""));
    refused(
        Reason.MALFORMED,
        "3135 bytes of binary data, not 3136",
        Bodies.binary(binaryInput("FP32", "[1,784]", 3135), new byte[3135]));
    refused(
        Reason.MALFORMED,
        "3136 bytes of binary data, not 784",
        Bodies.binary(binaryInput("UINT8", "[1,784]", 3136), new byte[3136]));
  }

  @Test
  void valuesOutsideTheirDatatypesRange() {
    float[] v = pixels(1);
    v[5] = 1.5f;
    malformed("element 5 is 1.5", request("FP32", "[1,784]", "\"data\":" + array(v), ""));
    v[5] = -0.25f;
    malformed("element 5 is -0.25", request("FP32", "[1,784]", "\"data\":" + array(v), ""));
    malformed(
        "element 5 is Infinity",
        request(
            "FP32",
            "[1,784]",
            ONE.replaceFirst("^(\"data\":\\[(?:[^,]*,){5})[^,]*", "$11e999"),
            ""));
    v[5] = Float.NaN;
    refused(
        Reason.MALFORMED,
        "element 5 is NaN",
        Bodies.binary(binaryInput("FP32", "[1,784]", 3136), Bodies.fp32(v)));
    String zeros = ",0".repeat(783);
    malformed("element 0 is 256", request("UINT8", "[1,784]", "\"data\":[256" + zeros + "]", ""));
    malformed("element 0 is -1", request("UINT8", "[1,784]", "\"data\":[-1" + zeros + "]", ""));
    malformed(
        "whole numbers 0 to 255", request("UINT8", "[1,784]", "\"data\":[0.5" + zeros + "]", ""));
    String strings = "\"data\":[" + "\"a\",".repeat(783) + "\"a\"]";
    malformed("as FP32 holds numbers", request("FP32", "[1,784]", strings, ""));
    malformed("as BYTES holds strings", request("BYTES", "[1]", "\"data\":[1]", ""));
    malformed("mixes numbers and strings", request("BYTES", "[2]", "\"data\":[1,\"a\"]", ""));
    malformed("only numbers", request("FP32", "[1,784]", "\"data\":[true]", ""));
    malformed("only numbers", request("FP32", "[1,784]", "\"data\":[null]", ""));
    malformed("only numbers", request("FP32", "[1,784]", "\"data\":[{}]", ""));
    malformed("must be an array", request("FP32", "[1,784]", "\"data\":1", ""));
  }

  @Test
  void binaryDataThatDoesNotFrameTheBody() {
    String fp32 = binaryInput("FP32", "[1,784]", 3136);
    refused(
        Reason.MALFORMED,
        "declares 3136 bytes of binary data; the body has 100 left",
        Bodies.binary(fp32, new byte[100]));
    refused(Reason.MALFORMED, "4 bytes follow the JSON", Bodies.binary(fp32, new byte[3140]));
    refused(
        Reason.MALFORMED,
        "must be a whole number of bytes",
        Bodies.binary(
            request("FP32", "[1,784]", "\"parameters\":{\"binary_data_size\":\"3136\"}", ""),
            new byte[3136]));
    refused(
        Reason.MALFORMED,
        "must be a whole number of bytes",
        Bodies.binary(binaryInput("FP32", "[1,784]", -1), new byte[0]));
    byte[] body = Bodies.binary(fp32, new byte[3136]).bytes();
    refused(Reason.MALFORMED, "Inference-Header-Content-Length", new Bodies.Body(body, null));
    refused(Reason.MALFORMED, "not a length within the body's", new Bodies.Body(body, "lots"));
    refused(Reason.MALFORMED, "not a length within the body's", new Bodies.Body(body, "-3"));
    refused(
        Reason.MALFORMED,
        "not a length within the body's",
        new Bodies.Body(body, Integer.toString(body.length + 1)));
    refused(Reason.MALFORMED, "malformed JSON", new Bodies.Body(body, "10"));
  }

  @Test
  void bytesElementsThatDoNotFrameTheirData() {
    byte[] one = Bodies.bytesTensor(new byte[] {1, 2, 3});
    refused(
        Reason.MALFORMED,
        "holds 2 elements; it has 1 elements",
        Bodies.binary(binaryInput("BYTES", "[2]", one.length), one));
    byte[] claimsTooMuch = Bodies.bytesTensor(new byte[] {1, 2, 3});
    claimsTooMuch[0] = 9;
    refused(
        Reason.MALFORMED,
        "element 0 claims 9 bytes; its binary data has 3 left",
        Bodies.binary(binaryInput("BYTES", "[1]", claimsTooMuch.length), claimsTooMuch));
    byte[] huge = Bodies.bytesTensor(new byte[] {1});
    huge[3] = (byte) 0xff; // 4-byte lengths are unsigned: 0xff000001
    refused(
        Reason.MALFORMED,
        "claims 4278190081 bytes",
        Bodies.binary(binaryInput("BYTES", "[1]", huge.length), huge));
    byte[] extra = Arrays.copyOf(one, one.length + 2);
    refused(
        Reason.MALFORMED,
        "2 bytes after its 1 elements",
        Bodies.binary(binaryInput("BYTES", "[1]", extra.length), extra));
  }

  @Test
  void outputsAndParametersThisServerDoesNotHave() {
    malformed(
        "unknown output 'logits': the model's outputs are probabilities, digit, confidence",
        request("FP32", "[1,784]", ONE, ",\"outputs\":[{\"name\":\"logits\"}]"));
    malformed(
        "asked for twice",
        request(
            "FP32", "[1,784]", ONE, ",\"outputs\":[{\"name\":\"digit\"},{\"name\":\"digit\"}]"));
    malformed("needs a \"name\"", request("FP32", "[1,784]", ONE, ",\"outputs\":[{}]"));
    malformed(
        "classification extension",
        request(
            "FP32",
            "[1,784]",
            ONE,
            ",\"outputs\":[{\"name\":\"digit\",\"parameters\":{\"classification\":3}}]"));
    malformed(
        "shared memory extension",
        request(
            "FP32",
            "[1,784]",
            ONE,
            ",\"outputs\":[{\"name\":\"digit\",\"parameters\":{\"shared_memory_region\":\"r\"}}]"));
    malformed(
        "shared memory extension",
        request(
            "FP32",
            "[1,784]",
            "\"parameters\":{\"shared_memory_region\":\"r\",\"shared_memory_byte_size\":3136}",
            ""));
    malformed(
        "'binary_data_output' must be true or false",
        request("FP32", "[1,784]", ONE, ",\"parameters\":{\"binary_data_output\":\"yes\"}"));
    malformed(
        "'binary_data' must be true or false",
        request(
            "FP32",
            "[1,784]",
            ONE,
            ",\"outputs\":[{\"name\":\"digit\",\"parameters\":{\"binary_data\":1}}]"));
    malformed(
        "must be a string, number or boolean",
        request("FP32", "[1,784]", ONE, ",\"parameters\":{\"x\":[1]}"));
    malformed("must be an object", request("FP32", "[1,784]", ONE, ",\"parameters\":[]"));
  }

  @Test
  void messagesQuoteAClientsTextShort() {
    String huge = "x".repeat(100_000);
    for (String json :
        new String[] {
          request("FP32", "[1,784]", ONE, "").replace("\"image\"", "\"" + huge + "\""),
          request(huge, "[1,784]", ONE, ""),
          request("FP32", "[1,784]", ONE, ",\"outputs\":[{\"name\":\"" + huge + "\"}]"),
          request("FP32", "[1,784]", "\"parameters\":{\"binary_data_size\":\"" + huge + "\"}", "")
        }) {
      InferenceException e = assertThrows(InferenceException.class, Bodies.json(json)::decode);
      assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
  }

  @Test
  void hugeNumbersAreRefusedWithoutBeingBuilt() {
    String huge = "1" + "0".repeat(200_000);
    malformed(
        "whole number of bytes",
        request("FP32", "[1,784]", "\"parameters\":{\"binary_data_size\":" + huge + "}", ""));
    String decimal = "\"data\":[0." + "1".repeat(200_000) + ",0" + ",0".repeat(782) + "]";
    // a long fraction still reads as the float nearest to it
    byte[] ok = request("FP32", "[1,784]", decimal, "").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        0.11111111f,
        ((ImageInput.Mnist) RequestDecoder.decode(ok, null).image()).images().get(0)[0]);
  }
}
