package dev.digits.inference.control;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Walks a JSON text event by event with the checks each field needs. Nothing a client sends is
 * built into a tree, so deep nesting costs no recursion and large tensors no per-value objects.
 */
final class JsonCursor {
  private final JsonParser parser;
  private Event current;

  JsonCursor(JsonParser parser) {
    this.parser = parser;
  }

  Event next() {
    if (!parser.hasNext()) {
      throw InferenceException.malformed("malformed JSON: it ends before the object closes");
    }
    current = parser.next();
    return current;
  }

  boolean isAt(Event event) {
    return current == event;
  }

  /** The current key, or the text of the current string or number. */
  String text() {
    return parser.getString();
  }

  /**
   * Whether the current number is written without fraction or exponent. From its text: the parser's
   * own check builds a BigDecimal per number, and refuses long ones with no JSON exception.
   */
  boolean isIntegral() {
    String text = parser.getString();
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
  }

  void expect(Event event, String what) {
    if (next() != event) {
      throw InferenceException.malformed(what);
    }
  }

  String string(String what) {
    expect(Event.VALUE_STRING, what + " must be a string");
    return parser.getString();
  }

  boolean bool(String what) {
    Event e = next();
    if (e != Event.VALUE_TRUE && e != Event.VALUE_FALSE) {
      throw InferenceException.malformed(what + " must be true or false");
    }
    return e == Event.VALUE_TRUE;
  }

  /** The current value as a whole number that fits 64 bits. */
  long integer(String what) {
    if (current != Event.VALUE_NUMBER || !isIntegral()) {
      throw InferenceException.malformed(what + " must be a whole number");
    }
    Long n = asLong(parser.getString());
    if (n == null) {
      throw InferenceException.malformed(what + " is out of range: " + abbreviated());
    }
    return n;
  }

  /** A JSON array whose elements {@code element} reads, each starting at its first event. */
  <T> List<T> array(String what, Supplier<T> element) {
    expect(Event.START_ARRAY, what + " must be an array");
    List<T> out = new ArrayList<>();
    while (next() != Event.END_ARRAY) {
      out.add(element.get());
    }
    return out;
  }

  /**
   * A $parameters object: names to strings, booleans, or numbers (Long where whole and in range,
   * else Double). Numbers are read from their text, never as BigDecimal: a client's thousand-digit
   * number would cost quadratic time, and the parser refuses long ones with no JSON exception.
   */
  Map<String, Object> parameters(String what) {
    expect(Event.START_OBJECT, what + " must be an object");
    Map<String, Object> out = new LinkedHashMap<>();
    while (next() == Event.KEY_NAME) {
      String name = parser.getString();
      out.put(
          name,
          switch (next()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER -> number();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default ->
                throw InferenceException.malformed(
                    "parameter '" + name + "' must be a string, number or boolean");
          });
    }
    return out;
  }

  private Object number() {
    Long n = isIntegral() ? asLong(parser.getString()) : null;
    if (n != null) {
      return n; // not in a conditional expression, which would unbox it to a double
    }
    return Double.valueOf(parser.getString());
  }

  private static Long asLong(String text) {
    try {
      return text.length() <= 20 ? Long.valueOf(text) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String abbreviated() {
    String text = parser.getString();
    return text.length() <= 24 ? text : text.substring(0, 20) + "...";
  }

  /** Skips the value that starts with {@code first}, however deep, without recursion. */
  void skip(Event first) {
    int depth = first == Event.START_ARRAY || first == Event.START_OBJECT ? 1 : 0;
    while (depth > 0) {
      switch (next()) {
        case START_ARRAY, START_OBJECT -> depth++;
        case END_ARRAY, END_OBJECT -> depth--;
        default -> {}
      }
    }
  }

  /** Refuses anything after the top-level value. */
  void end() {
    if (parser.hasNext()) {
      throw InferenceException.malformed("malformed JSON: content after the request object");
    }
  }
}
