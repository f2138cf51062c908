package dev.digits.image;

/**
 * A picture reduced to its ink, for reading several digits from it, and the scale back to the
 * picture as sent: how many of its pixels one ink pixel spans (more than 1 where a large picture
 * was decoded at a fraction of its size).
 */
public record PictureInk(InkImage ink, double scale) {
  /** Decodes the picture and extracts its ink, the same way as for a single digit. */
  public static PictureInk of(EncodedImage image) {
    ImageDecoder.Pixels p = ImageDecoder.decode(image);
    long[] claimed = ImageHeader.dimensions(image.bytes(), image.format());
    double scale = claimed == null ? 1 : (double) claimed[0] / p.width();
    return new PictureInk(InkExtractor.fromArgb(p.width(), p.height(), p.argb()), scale);
  }
}
