package dev.digits.recognition.boundary;

import dev.digits.image.RejectedImageException;
import java.util.Base64;

/**
 * Decodes base64 text as clients send it: standard or URL alphabet, with or without line breaks.
 */
final class Base64Text {
  private Base64Text() {}

  /** The bytes {@code text} encodes; {@code what} names it in the error a client gets. */
  static byte[] decode(String text, String what) {
    String clean = withoutBreaks(text); // some clients wrap base64 lines
    try {
      byte[] bytes = Base64.getDecoder().decode(clean);
      if (bytes.length == 0) {
        throw RejectedImageException.malformed("the " + what + " holds no image data");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(clean);
      } catch (IllegalArgumentException again) {
        throw RejectedImageException.malformed(
            "the " + what + " is not a data URL, JSON or valid base64: " + e.getMessage());
      }
    }
  }

  static boolean isBreak(char c) {
    return c == '\r' || c == '\n' || c == '\t';
  }

  private static String withoutBreaks(String text) {
    // indexOf is a vectorised intrinsic: three of them cost less than one pass of charAt over 30
    // KB.
    int first =
        Math.min(Math.min(indexOrMax(text, '\r'), indexOrMax(text, '\n')), indexOrMax(text, '\t'));
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
}
