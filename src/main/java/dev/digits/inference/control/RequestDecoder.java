package dev.digits.inference.control;

import dev.digits.problems.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Turns an inference request body into an {@link InferenceRequest}: the JSON object, then the
 * binary data of the inputs that declare a {@code binary_data_size}, in their order (Triton's
 * binary tensor data extension; {@code Inference-Header-Content-Length} gives the JSON's length).
 */
public final class RequestDecoder {
  /**
   * One factory for every request: each {@code Json.createParser} call looks the JSON-P provider up
   * again through the ServiceLoader.
   */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

  /**
   * Far more than a request needs (a [N,1,28,28] tensor nested as its shape is seven levels deep);
   * checked first, since the parser refuses deep nesting with an exception of no JSON type.
   */
  static final int MAX_DEPTH = 32;

  private RequestDecoder() {}

  /** {@code headerLength} is the Inference-Header-Content-Length header's value, or null. */
  public static InferenceRequest decode(byte[] body, String headerLength) {
    if (body.length == 0) {
      throw InferenceException.malformed("empty body: send an inference request JSON object");
    }
    int jsonLength = jsonLength(headerLength, body.length);
    RequestHeader header = header(body, jsonLength, headerLength != null);
    List<ByteBuffer> binary = BinarySections.of(header.inputs(), body, jsonLength);
    int image = imageInput(header.inputs());
    return new InferenceRequest(
        header.id(),
        ImageTensor.decode(header.inputs().get(image), binary.get(image)),
        OutputChoice.forRequest(header));
  }

  private static int jsonLength(String header, int bodyLength) {
    if (header == null) {
      return bodyLength;
    }
    long length;
    try {
      length = Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length < 0 || length > bodyLength) {
      throw InferenceException.malformed(
          "Inference-Header-Content-Length '"
              + header
              + "' is not a length within the body's "
              + bodyLength
              + " bytes");
    }
    return length == 0 ? bodyLength : (int) length; // 0: the whole body is JSON, as in Triton
  }

  private static RequestHeader header(byte[] body, int length, boolean lengthGiven) {
    if (JsonText.nestingDepth(body, length) > MAX_DEPTH) {
      throw InferenceException.malformed("JSON is nested deeper than " + MAX_DEPTH + " levels");
    }
    try (JsonParser parser =
        PARSERS.createParser(new ByteArrayInputStream(body, 0, length), StandardCharsets.UTF_8)) {
      return HeaderParser.parse(new JsonCursor(parser));
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      String message = JsonText.firstLine(e.getMessage());
      throw InferenceException.malformed(
          "malformed JSON: "
              + message
              + (lengthGiven
                  ? ""
                  : " (binary tensor data after the JSON needs the"
                      + " Inference-Header-Content-Length header)"));
    }
  }

  /** The index of the one input the models take, {@code image}. */
  private static int imageInput(List<InputHeader> inputs) {
    int found = -1;
    for (int i = 0; i < inputs.size(); i++) {
      String name = inputs.get(i).name();
      if (!name.equals("image")) {
        throw InferenceException.malformed(
            "unknown input '"
                + InferenceException.excerpt(name)
                + "': the models take one input, 'image'");
      }
      if (found >= 0) {
        throw InferenceException.malformed("input 'image' is given twice");
      }
      found = i;
    }
    if (found < 0) {
      throw InferenceException.malformed("the request has no input 'image'");
    }
    return found;
  }
}
