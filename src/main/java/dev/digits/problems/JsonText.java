package dev.digits.problems;

/**
 * What both JSON APIs check of a body before a parser reads it, and how they quote a parser's
 * complaint: parsers recurse per nesting level, so a body nested thousands deep is refused first.
 */
public final class JsonText {
  private JsonText() {}

  /** How deep arrays and objects nest, outside strings. */
  public static int nestingDepth(CharSequence json) {
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

  /**
   * The same for the first {@code length} bytes of UTF-8: every byte of a multi-byte character is
   * above 0x7F, so none is taken for a bracket or a quote.
   */
  public static int nestingDepth(byte[] json, int length) {
    return nestingDepth(
        new CharSequence() {
          @Override
          public int length() {
            return length;
          }

          @Override
          public char charAt(int index) {
            return (char) (json[index] & 0xFF);
          }

          @Override
          public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException();
          }
        });
  }

  /** A parser's message up to its first line break, or "unexpected end" where it has none. */
  public static String firstLine(String message) {
    if (message == null) {
      return "unexpected end";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
