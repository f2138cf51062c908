package dev.digits.recognition.boundary;

import dev.digits.image.RejectedImageException;
import dev.digits.problems.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.NoSuchElementException;

/**
 * Parses the JSON bodies clients send, refusing hostile nesting before a parser recurses into it.
 */
final class JsonBody {
  /** Far more than any image request needs. */
  private static final int MAX_DEPTH = 16;

  /**
   * One factory for every request: each {@code Json.createParser} call looks the JSON-P provider up
   * again through the ServiceLoader, which reads every jar on the server's class path.
   */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

  private JsonBody() {}

  /** One JSON value; trailing content after it is refused. */
  static JsonValue parse(String json) {
    if (JsonText.nestingDepth(json) > MAX_DEPTH) {
      throw RejectedImageException.malformed("JSON is nested deeper than " + MAX_DEPTH + " levels");
    }
    try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw RejectedImageException.malformed("malformed JSON: trailing content after the value");
      }
      return value;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw RejectedImageException.malformed(
          "malformed JSON: " + JsonText.firstLine(e.getMessage()));
    }
  }

  /**
   * The image text a JSON value holds: a string, or an object's {@code image} string; else null.
   */
  static String imageText(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.getString().strip();
    }
    if (value instanceof JsonObject o && o.get("image") instanceof JsonString s) {
      return s.getString().strip();
    }
    return null;
  }
}
