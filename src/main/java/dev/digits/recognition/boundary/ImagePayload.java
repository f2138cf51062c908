package dev.digits.recognition.boundary;

import dev.digits.image.ImageFormat;
import dev.digits.image.RejectedImageException;
import dev.digits.image.RejectedImageException.Reason;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Finds the image bytes in a request body, whatever form a client chose: the old app's raw data URL
 * (sent as JSON, form or text), a JSON string or {@code {"image": ...}}, bare base64, raw image
 * bytes, or a multipart upload. The declared Content-Type is a hint; the content decides.
 */
public final class ImagePayload {
  /** Far more than any image request needs; stops hostile nesting before a parser recurses into it. */
  private static final int MAX_JSON_DEPTH = 16;
  /** Text that could be base64 at all (standard or URL alphabet, line breaks allowed). */
  private static final java.util.regex.Pattern BASE64_TEXT = java.util.regex.Pattern.compile("[A-Za-z0-9+/=_\\-\\r\\n]+");
  /**
   * One factory for every request: each {@code Json.createParser} call looks the JSON-P provider up
   * again through the ServiceLoader, which reads every jar on the server's class path.
   */
  private static final JsonParserFactory JSON_PARSERS = Json.createParserFactory(null);

  private ImagePayload() {}

  public static byte[] imageBytes(byte[] body, String contentType) {
    if (body.length == 0) {
      throw malformed("empty body: send the image as a data URL, base64, JSON or image bytes");
    }
    if (ImageFormat.sniff(body) != null) {
      return body;
    }
    String media = mediaType(contentType);
    if (media.equals("multipart/form-data")) {
      Multipart.Part part = Multipart.file(body, parameter(contentType, "boundary"));
      return imageBytes(part.content(), part.mediaType());
    }
    byte[] fromDataUrl = DataUrl.decodeExact(body);
    if (fromDataUrl != null) {
      return fromDataUrl;
    }
    // Trailing spaces are kept: a form-decoding client may have turned a data URL's final '+' into one.
    String text = new String(body, StandardCharsets.UTF_8).stripLeading();
    int end = text.length();
    while (end > 0 && isBreak(text.charAt(end - 1))) {
      end--;
    }
    return fromText(text.substring(0, end), media);
  }

  /** A data URL, JSON or base64 text. */
  public static byte[] fromText(String text, String media) {
    if (text.isEmpty()) {
      throw malformed("empty body: send the image as a data URL, base64, JSON or image bytes");
    }
    if (text.startsWith("{") || text.startsWith("[") || text.startsWith("\"")) {
      return fromText(jsonImage(text), "");
    }
    if (text.regionMatches(true, 0, "data:", 0, 5)) {
      return DataUrl.decode(text);
    }
    if (text.regionMatches(true, 0, "data%3A", 0, 7)) {
      return DataUrl.decode(URLDecoder.decode(text, StandardCharsets.UTF_8));
    }
    int eq = text.indexOf('=');
    int dataAt = text.indexOf("data");
    if (media.equals("application/x-www-form-urlencoded") && eq > 0 && eq < dataAt
        && text.substring(0, eq).matches("[A-Za-z0-9_.\\-\\[\\]]+")) {
      return fromText(formValue(text.substring(eq + 1)), "");
    }
    text = text.strip();
    if (!BASE64_TEXT.matcher(text).matches()) {
      throw new RejectedImageException(Reason.UNSUPPORTED,
          "not an image: send a data URL, base64, JSON {\"image\": ...} or PNG, JPEG, GIF or BMP bytes");
    }
    return base64(text, "body");
  }

  /** The image inside a JSON string or an object's {@code image} field. */
  static String jsonImage(String json) {
    String image = imageText(parseJson(json));
    if (image == null) {
      throw malformed("JSON body must be a string or an object {\"image\": \"<data URL or base64>\"}");
    }
    return image;
  }

  /** One JSON value; hostile nesting is refused before a parser recurses into it, trailing content after. */
  static JsonValue parseJson(String json) {
    if (nestingDepth(json) > MAX_JSON_DEPTH) {
      throw malformed("JSON is nested deeper than " + MAX_JSON_DEPTH + " levels");
    }
    try (JsonParser parser = JSON_PARSERS.createParser(new StringReader(json))) {
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw malformed("malformed JSON: trailing content after the value");
      }
      return value;
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      throw malformed("malformed JSON: " + firstLine(e.getMessage()));
    }
  }

  /** The image text a JSON value holds: a string, or an object's {@code image} string; else null. */
  static String imageText(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.getString().strip();
    }
    if (value instanceof JsonObject o && o.get("image") instanceof JsonString s) {
      return s.getString().strip();
    }
    return null;
  }

  private static int nestingDepth(String json) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        max = Math.max(max, ++depth);
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return max;
  }

  static byte[] base64(String text, String what) {
    String clean = withoutBreaks(text); // some clients wrap base64 lines
    try {
      byte[] bytes = Base64.getDecoder().decode(clean);
      if (bytes.length == 0) {
        throw malformed("the " + what + " holds no image data");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(clean);
      } catch (IllegalArgumentException again) {
        throw malformed("the " + what + " is not a data URL, JSON or valid base64: " + e.getMessage());
      }
    }
  }

  private static boolean isBreak(char c) {
    return c == '\r' || c == '\n' || c == '\t';
  }

  private static String withoutBreaks(String text) {
    // indexOf is a vectorised intrinsic: three of them cost less than one pass of charAt over 30 KB.
    int first = Math.min(Math.min(indexOrMax(text, '\r'), indexOrMax(text, '\n')), indexOrMax(text, '\t'));
    if (first == Integer.MAX_VALUE) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      if (!isBreak(text.charAt(i))) {
        kept.append(text.charAt(i));
      }
    }
    return kept.toString();
  }

  /** text.indexOf(c), or Integer.MAX_VALUE where c is absent. */
  private static int indexOrMax(String text, char c) {
    int i = text.indexOf(c);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static String formValue(String value) {
    // A '+' in a form value is a space unless it was sent raw, as jQuery does with a string body.
    return value.contains("%") ? URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8) : value;
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  static String parameter(String contentType, String name) {
    for (String piece : contentType.split(";")) {
      String p = piece.strip();
      if (p.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
        String v = p.substring(name.length() + 1).strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unexpected end";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static RejectedImageException malformed(String message) {
    return new RejectedImageException(Reason.MALFORMED, message);
  }
}
