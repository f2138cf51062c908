package dev.digits.recognition.boundary;

import dev.digits.image.ImageFormat;
import dev.digits.image.RejectedImageException;
import dev.digits.image.RejectedImageException.Reason;
import java.util.Locale;

/** Decodes {@code data:[<media type>][;base64],<data>} (RFC 2397) holding an image. */
final class DataUrl {
  private DataUrl() {}

  static byte[] decode(String url) {
    int comma = url.indexOf(',');
    if (comma < 0) {
      throw ImagePayload.malformed("malformed data URL: no ',' before the data");
    }
    String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
    if (!header.endsWith(";base64")) {
      throw ImagePayload.malformed("data URL must be base64-encoded (data:image/png;base64,...)");
    }
    String media = header.substring(0, header.length() - ";base64".length()).split(";")[0].strip();
    // Form encoding turns '+' into ' ' when a client URL-decodes a raw data URL: undo it.
    byte[] bytes = ImagePayload.base64(url.substring(comma + 1).replace(' ', '+'), "data URL");
    // The bytes decide; a wrong label on a real image is forgiven, a non-image label on non-image data is not.
    if (ImageFormat.sniff(bytes) == null && !media.isEmpty() && !media.startsWith("image/")) {
      throw new RejectedImageException(Reason.UNSUPPORTED, "data URL holds " + media + ", not an image");
    }
    return bytes;
  }
}
