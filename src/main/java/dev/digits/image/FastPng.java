package dev.digits.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.zip.DataFormatException;

/**
 * A direct decoder for the PNGs browsers send (8-bit RGBA or RGB, not interlaced): inflate ({@link
 * Inflate}), unfilter in place, pack ARGB. It skips ImageIO's BufferedImage and colour conversions,
 * the largest cost of a canvas request. Anything else returns null and goes to ImageIO, which also
 * has the last word on files this decoder finds odd.
 */
final class FastPng {
  private static final int IHDR = 0x49484452;
  private static final int IDAT = 0x49444154;
  private static final int IEND = 0x49454E44;

  private FastPng() {}

  /** The decoded pixels, or null where this decoder does not handle the file. */
  static ImageDecoder.Pixels decode(byte[] png) {
    return decode(png, PixelBuffers.FRESH);
  }

  /**
   * As {@link #decode(byte[])}, the inflated rows and the pixels in arrays from {@code buffers}.
   */
  static ImageDecoder.Pixels decode(byte[] png, PixelBuffers buffers) {
    try {
      return decodeOrThrow(png, buffers);
    } catch (RuntimeException | DataFormatException e) {
      return null; // let ImageIO decide what this file is
    }
  }

  private static ImageDecoder.Pixels decodeOrThrow(byte[] png, PixelBuffers buffers)
      throws DataFormatException {
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    int width = 0;
    int height = 0;
    int channels = 0;
    byte[] raw = null;
    int zlibFrom = -1; // the first IDAT chunk's data, read in place when it is the only one
    int zlibTo = -1;
    ByteArrayOutputStream joined = null; // all the chunks' data, where there are several
    while (b.remaining() >= 12) {
      int length = b.getInt();
      int type = b.getInt();
      if (length < 0 || length > b.remaining() - 4) {
        return null;
      }
      if (type == IHDR) {
        width = b.getInt(b.position());
        height = b.getInt(b.position() + 4);
        int depth = png[b.position() + 8];
        channels = channels(png[b.position() + 9]);
        int interlace = png[b.position() + 12];
        if (depth != 8 || channels == 0 || interlace != 0) {
          return null;
        }
        raw = buffers.raw(Math.multiplyExact(height, 1 + width * channels));
      } else if (type == IDAT && raw != null) {
        if (zlibFrom < 0) {
          zlibFrom = b.position();
          zlibTo = zlibFrom + length;
        } else {
          if (joined == null) {
            joined = new ByteArrayOutputStream();
            joined.write(png, zlibFrom, zlibTo - zlibFrom);
          }
          joined.write(png, b.position(), length);
        }
      } else if (type == IEND) {
        break;
      } else if (type == 0x504C5445
          || type == 0x74524E53) { // PLTE, tRNS: palette or colour-key transparency
        return null;
      }
      b.position(b.position() + length + 4); // data and CRC
    }
    if (raw == null || zlibFrom < 0) {
      return null;
    }
    if (joined == null) {
      Inflate.zlib(png, zlibFrom, zlibTo, raw);
    } else {
      Inflate.zlib(joined.toByteArray(), 0, joined.size(), raw);
    }
    unfilter(raw, width, height, channels);
    return new ImageDecoder.Pixels(
        width, height, argb(raw, width, height, channels, buffers.argb(width * height)));
  }

  private static int channels(byte colourType) {
    return switch (colourType) {
      case 0 -> 1; // grey
      case 2 -> 3; // RGB
      case 4 -> 2; // grey and alpha
      case 6 -> 4; // RGBA
      default -> 0; // palette: left to ImageIO
    };
  }

  /** Reverses the five PNG row filters in place (RFC 2083, section 6), one loop per filter type. */
  private static void unfilter(byte[] raw, int width, int height, int bpp) {
    int stride = width * bpp;
    for (int y = 0; y < height; y++) {
      int cur = y * (stride + 1) + 1;
      int prev = cur - (stride + 1); // the row above; PNG treats the row above the first as zeros
      boolean first = y == 0;
      switch (raw[cur - 1]) {
        case 0 -> {}
        case 1 -> {
          for (int i = cur + bpp; i < cur + stride; i++) {
            raw[i] += raw[i - bpp];
          }
        }
        case 2 -> {
          for (int i = 0; !first && i < stride; i++) {
            raw[cur + i] += raw[prev + i];
          }
        }
        case 3 -> {
          for (int i = 0; i < stride; i++) {
            int a = i >= bpp ? raw[cur + i - bpp] & 0xff : 0;
            int up = first ? 0 : raw[prev + i] & 0xff;
            raw[cur + i] += (byte) ((a + up) >>> 1);
          }
        }
        case 4 -> {
          for (int i = 0; i < stride; i++) {
            int a = i >= bpp ? raw[cur + i - bpp] & 0xff : 0;
            int up = first ? 0 : raw[prev + i] & 0xff;
            int c = !first && i >= bpp ? raw[prev + i - bpp] & 0xff : 0;
            raw[cur + i] += (byte) paeth(a, up, c);
          }
        }
        default -> throw new IllegalArgumentException("bad PNG filter " + raw[cur - 1]);
      }
    }
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  private static int[] argb(byte[] raw, int width, int height, int channels, int[] out) {
    IntBuffer[] rowsAt =
        new IntBuffer[4]; // the pixels as little-endian ints, by where a row starts mod 4
    for (int y = 0; y < height; y++) {
      int src = y * (width * channels + 1) + 1;
      int dst = y * width;
      if (channels == 4) {
        // The row copied whole as little-endian ints (ABGR: a plain memory copy on x86), then red
        // and blue
        // swapped in a loop the JIT vectorises: well under half the time of a VarHandle read per
        // pixel.
        int phase = src & 3;
        if (rowsAt[phase] == null) {
          rowsAt[phase] =
              ByteBuffer.wrap(raw, phase, raw.length - phase)
                  .slice()
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .asIntBuffer();
        }
        rowsAt[phase].get(src >> 2, out, dst, width);
        for (int x = dst; x < dst + width; x++) {
          int abgr = out[x];
          out[x] = abgr & 0xff00ff00 | (abgr >>> 16) & 0xff | (abgr & 0xff) << 16;
        }
      } else if (channels <= 2) {
        // Grey samples are encoded like RGB's (sRGB, as browsers show them): grey v is (v, v, v).
        for (int x = 0; x < width; x++, src += channels) {
          int v = raw[src] & 0xff;
          int alpha = channels == 2 ? raw[src + 1] & 0xff : 0xff;
          out[dst + x] = alpha << 24 | v << 16 | v << 8 | v;
        }
      } else {
        for (int x = 0; x < width; x++, src += 3) {
          out[dst + x] =
              0xff000000
                  | (raw[src] & 0xff) << 16
                  | (raw[src + 1] & 0xff) << 8
                  | (raw[src + 2] & 0xff);
        }
      }
    }
    return out;
  }
}
