package dev.digits.image;

/**
 * Reads a picture's width and height straight from its header bytes, before any decoder runs, so a
 * file that claims to be enormous is refused without trusting a decoder to stay lazy.
 */
final class ImageHeader {
  private ImageHeader() {}

  /** {width, height}, or null where the header is too short or (JPEG) has no frame header. */
  static long[] dimensions(byte[] b, ImageFormat format) {
    return switch (format) {
      case PNG ->
          b.length >= 24
              ? new long[] {u32be(b, 16), u32be(b, 20)}
              : null; // IHDR follows the signature
      case GIF -> b.length >= 10 ? new long[] {u16le(b, 6), u16le(b, 8)} : null; // logical screen
      case BMP ->
          b.length >= 26
              ? new long[] {Math.abs((long) s32le(b, 18)), Math.abs((long) s32le(b, 22))}
              : null;
      case JPEG -> jpegFrame(b);
    };
  }

  /** Walks the JPEG markers to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC). */
  private static long[] jpegFrame(byte[] b) {
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xff) != 0xFF) {
        return null;
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return new long[] {u16be(b, i + 7), u16be(b, i + 5)};
      }
      if (marker == 0xD9 || marker == 0xDA) {
        return null; // end of image or start of scan before any frame header
      }
      i += 2 + u16be(b, i + 2);
    }
    return null;
  }

  private static long u32be(byte[] b, int i) {
    return ((long) (b[i] & 0xff) << 24)
        | ((b[i + 1] & 0xff) << 16)
        | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }

  private static int u16be(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  private static int u16le(byte[] b, int i) {
    return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
  }

  private static int s32le(byte[] b, int i) {
    return (b[i] & 0xff)
        | ((b[i + 1] & 0xff) << 8)
        | ((b[i + 2] & 0xff) << 16)
        | ((b[i + 3] & 0xff) << 24);
  }
}
