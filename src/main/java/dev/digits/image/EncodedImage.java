package dev.digits.image;

import java.util.Objects;

/**
 * A picture as a client sent it: its encoded bytes and their format, found once from the bytes'
 * signature. The bytes are not copied: they are a request's body, handed over whole.
 */
public record EncodedImage(ImageFormat format, byte[] bytes) {
  public EncodedImage {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** The picture these bytes hold, or null where they start like no format we decode. */
  public static EncodedImage sniff(byte[] bytes) {
    ImageFormat format = ImageFormat.sniff(bytes);
    return format == null ? null : new EncodedImage(format, bytes);
  }

  /**
   * The picture these bytes hold; refused as unsupported where they are no PNG, JPEG, GIF or BMP.
   */
  public static EncodedImage of(byte[] bytes) {
    EncodedImage image = sniff(bytes);
    if (image == null) {
      throw RejectedImageException.unsupported("not an image: expected PNG, JPEG, GIF or BMP data");
    }
    return image;
  }
}
