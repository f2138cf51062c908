package dev.digits.recognition.boundary;

import dev.digits.image.RejectedImageException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds the file in a multipart/form-data body (RFC 7578): the first part with a filename, else the
 * first part. Just enough of the format for one uploaded image; no streaming, the body is in
 * memory.
 */
final class Multipart {
  private Multipart() {}

  /** The part's content and its declared media type (may be null). */
  record Part(byte[] content, String mediaType) {}

  static Part file(byte[] body, String boundary) {
    if (boundary == null || boundary.isEmpty()) {
      throw RejectedImageException.malformed(
          "multipart body without a boundary parameter in its Content-Type");
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    Part first = null;
    while (pos >= 0) {
      int start = pos + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // closing delimiter
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        throw RejectedImageException.malformed(
            "multipart body is truncated or has a part without headers");
      }
      String headers =
          new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1)
              .toLowerCase(Locale.ROOT);
      byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
      Part part = new Part(content, header(headers, "content-type"));
      if (headers.contains("filename=")) {
        return part;
      }
      if (first == null) {
        first = part;
      }
      pos = next + 2;
    }
    if (first == null) {
      throw RejectedImageException.malformed(
          "multipart body has no parts: send the image as a file field");
    }
    return first;
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
