package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.image.RejectedImageException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the image bytes in a request body, whatever form a client chose: the old app's raw data URL
 * (sent as JSON, form or text), a JSON string or {@code {"image": ...}}, bare base64, raw image
 * bytes, or a multipart upload. The declared Content-Type is a hint; the content decides.
 */
public final class ImagePayload {
  private static final String EMPTY =
      "empty body: send the image as a data URL, base64, JSON or image bytes";

  /** Text that could be base64 at all (standard or URL alphabet, line breaks allowed). */
  private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=_\\-\\r\\n]+");

  private ImagePayload() {}

  /** The image in a request body; {@code contentType} is the request's header, or null. */
  public static EncodedImage parse(byte[] body, String contentType) {
    if (body.length == 0) {
      throw RejectedImageException.malformed(EMPTY);
    }
    EncodedImage raw = EncodedImage.sniff(body);
    if (raw != null) {
      return raw;
    }
    String media = mediaType(contentType);
    if (media.equals("multipart/form-data")) {
      Multipart.Part part = Multipart.file(body, parameter(contentType, "boundary"));
      return parse(part.content(), part.mediaType());
    }
    EncodedImage fromDataUrl = DataUrl.decodeExact(body);
    if (fromDataUrl != null) {
      return fromDataUrl;
    }
    // Trailing spaces are kept: a form-decoding client may have turned a data URL's final '+' into
    // one.
    String text = new String(body, StandardCharsets.UTF_8).stripLeading();
    int end = text.length();
    while (end > 0 && Base64Text.isBreak(text.charAt(end - 1))) {
      end--;
    }
    return fromText(text.substring(0, end), media);
  }

  /** The image in a data URL, JSON or base64 text. */
  static EncodedImage fromText(String text, String media) {
    if (text.isEmpty()) {
      throw RejectedImageException.malformed(EMPTY);
    }
    if (text.startsWith("{") || text.startsWith("[") || text.startsWith("\"")) {
      String image = JsonBody.imageText(JsonBody.parse(text));
      if (image == null) {
        throw RejectedImageException.malformed(
            "JSON body must be a string or an object {\"image\": \"<data URL or base64>\"}");
      }
      return fromText(image, "");
    }
    if (text.regionMatches(true, 0, "data:", 0, 5)) {
      return DataUrl.decode(text);
    }
    if (text.regionMatches(true, 0, "data%3A", 0, 7)) {
      return DataUrl.decode(URLDecoder.decode(text, StandardCharsets.UTF_8));
    }
    int eq = text.indexOf('=');
    int dataAt = text.indexOf("data");
    if (media.equals("application/x-www-form-urlencoded")
        && eq > 0
        && eq < dataAt
        && text.substring(0, eq).matches("[A-Za-z0-9_.\\-\\[\\]]+")) {
      return fromText(formValue(text.substring(eq + 1)), "");
    }
    text = text.strip();
    if (!BASE64_TEXT.matcher(text).matches()) {
      throw RejectedImageException.unsupported(
          "not an image: send a data URL, base64, JSON {\"image\": ...} or PNG, JPEG, GIF or BMP bytes");
    }
    return EncodedImage.of(Base64Text.decode(text, "body"));
  }

  private static String formValue(String value) {
    // A '+' in a form value is a space unless it was sent raw, as jQuery does with a string body.
    return value.contains("%")
        ? URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)
        : value;
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  static String parameter(String contentType, String name) {
    for (String piece : contentType.split(";")) {
      String p = piece.strip();
      if (p.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
        String v = p.substring(name.length() + 1).strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
            ? v.substring(1, v.length() - 1)
            : v;
      }
    }
    return null;
  }
}
