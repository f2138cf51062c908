package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.image.RejectedImageException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** Decodes {@code data:[<media type>][;base64],<data>} (RFC 2397) holding an image. */
final class DataUrl {
  private DataUrl() {}

  private static final byte[] SCHEME = {'d', 'a', 't', 'a', ':'};
  private static final byte[] BASE64 = {';', 'b', 'a', 's', 'e', '6', '4'};

  /** A data URL's header is a media type and its parameters: far shorter than this. */
  private static final int MAX_HEADER = 256;

  /**
   * The image in a body that is exactly a base64 data URL of an image, decoded straight from the
   * bytes: the form browsers' canvases send, which is most requests. It skips the text path's
   * copies of the body (a canvas is about 30 KB of base64). As on the text path, the decoded bytes
   * decide, not the media type. Null for anything else, even where the text path would succeed
   * (spaces, line breaks, URL encoding, base64url), so that the text path decides.
   */
  static EncodedImage decodeExact(byte[] body) {
    if (!startsIgnoringCase(body, 0, SCHEME)) {
      return null;
    }
    int comma = -1;
    for (int i = SCHEME.length; i < Math.min(body.length, MAX_HEADER); i++) {
      if (body[i] == ',') {
        comma = i;
        break;
      }
    }
    if (comma < SCHEME.length + BASE64.length
        || !startsIgnoringCase(body, comma - BASE64.length, BASE64)) {
      return null;
    }
    try {
      ByteBuffer decoded =
          Base64.getDecoder().decode(ByteBuffer.wrap(body, comma + 1, body.length - comma - 1));
      return EncodedImage.sniff(whole(decoded));
    } catch (IllegalArgumentException notStrictBase64) {
      return null;
    }
  }

  /**
   * The buffer's bytes; its own array where they fill it, as the decoder's output does when padding
   * is right.
   */
  private static byte[] whole(ByteBuffer b) {
    byte[] array = b.array();
    return b.arrayOffset() == 0 && b.position() == 0 && b.limit() == array.length
        ? array
        : Arrays.copyOfRange(array, b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
  }

  /** Whether {@code b} holds {@code lower} (lower-case ASCII) at {@code offset}, in either case. */
  private static boolean startsIgnoringCase(byte[] b, int offset, byte[] lower) {
    if (offset < 0 || b.length - offset < lower.length) {
      return false;
    }
    for (int i = 0; i < lower.length; i++) {
      if ((b[offset + i] | (Character.isLetter(lower[i]) ? 0x20 : 0)) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  /** The image in a data URL given as text (spaces for '+', any media type label). */
  static EncodedImage decode(String url) {
    int comma = url.indexOf(',');
    if (comma < 0) {
      throw RejectedImageException.malformed("malformed data URL: no ',' before the data");
    }
    String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
    if (!header.endsWith(";base64")) {
      throw RejectedImageException.malformed(
          "data URL must be base64-encoded (data:image/png;base64,...)");
    }
    String media = header.substring(0, header.length() - ";base64".length()).split(";")[0].strip();
    // Form encoding turns '+' into ' ' when a client URL-decodes a raw data URL: undo it.
    byte[] bytes = Base64Text.decode(url.substring(comma + 1).replace(' ', '+'), "data URL");
    // The bytes decide; a wrong label on a real image is forgiven, a non-image label on non-image
    // data is not.
    EncodedImage image = EncodedImage.sniff(bytes);
    if (image == null && !media.isEmpty() && !media.startsWith("image/")) {
      throw RejectedImageException.unsupported("data URL holds " + media + ", not an image");
    }
    return image != null ? image : EncodedImage.of(bytes);
  }
}
