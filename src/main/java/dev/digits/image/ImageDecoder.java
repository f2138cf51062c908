package dev.digits.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, GIF (first frame) and BMP into ARGB pixels. The size is read from the header
 * and checked before any raster is allocated, and large pictures are subsampled while decoding, so
 * a small file that claims to be huge costs nothing.
 */
public final class ImageDecoder {
  public static final int MAX_SIDE = 4096;
  public static final long MAX_PIXELS = 16_000_000;

  /** Larger pictures are decoded at a fraction of their size: a digit needs no more than this. */
  static final int DECODE_SIDE = 1024;

  static {
    ImageIO.setUseCache(false); // never spill client data into temp files
  }

  private ImageDecoder() {}

  /** Decoded pixels, ARGB, row-major. */
  public record Pixels(int width, int height, int[] argb) {}

  public static Pixels decode(EncodedImage image) {
    return decode(image, PixelBuffers.FRESH);
  }

  /** As {@link #decode(EncodedImage)}, the pixels in an array from {@code buffers}. */
  static Pixels decode(EncodedImage image, PixelBuffers buffers) {
    ImageFormat format = image.format();
    byte[] bytes = image.bytes();
    long[] claimed = ImageHeader.dimensions(bytes, format);
    if (claimed != null) {
      checkSize(claimed[0], claimed[1]);
    }
    if (format == ImageFormat.PNG
        && claimed != null
        && Math.max(claimed[0], claimed[1]) <= DECODE_SIDE) {
      ImageDecoder.Pixels fast = FastPng.decode(bytes, buffers);
      if (fast != null) {
        return fast;
      }
    }
    return decodeWithImageIo(bytes, format, buffers);
  }

  private static Pixels decodeWithImageIo(byte[] bytes, ImageFormat format, PixelBuffers buffers) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return read(reader, format, buffers);
      } finally {
        reader.dispose();
      }
    } catch (IIOException e) {
      if (String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
        throw RejectedImageException.unsupported(
            "unsupported " + format + " variant (CMYK or YCCK JPEGs are not supported)");
      }
      throw corrupt(format);
    } catch (IOException | RuntimeException e) {
      // Decoders throw all kinds of runtime exceptions on hostile input; to the client they all
      // mean one thing.
      if (e instanceof RejectedImageException rejected) {
        throw rejected;
      }
      throw corrupt(format);
    }
  }

  private static Pixels read(ImageReader reader, ImageFormat format, PixelBuffers buffers)
      throws IOException {
    int w = reader.getWidth(0);
    int h = reader.getHeight(0);
    if (w <= 0 || h <= 0) {
      throw corrupt(format);
    }
    checkSize(w, h);
    ImageReadParam param = reader.getDefaultReadParam();
    int step = (Math.max(w, h) + DECODE_SIDE - 1) / DECODE_SIDE;
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    BufferedImage img = reader.read(0, param);
    int iw = img.getWidth();
    int ih = img.getHeight();
    int[] argb = buffers.argb(iw * ih);
    if (img.getType() == BufferedImage.TYPE_BYTE_GRAY
        || img.getType() == BufferedImage.TYPE_USHORT_GRAY) {
      // ImageIO calls grey linear light and getRGB would brighten it; browsers show grey v as the
      // colour (v, v, v), and so does this decoder.
      int shift = img.getType() == BufferedImage.TYPE_USHORT_GRAY ? 8 : 0;
      int[] grey = img.getRaster().getSamples(0, 0, iw, ih, 0, (int[]) null);
      for (int i = 0; i < grey.length; i++) {
        int v = grey[i] >>> shift;
        argb[i] = 0xff000000 | v << 16 | v << 8 | v;
      }
      return new Pixels(iw, ih, argb);
    }
    return new Pixels(iw, ih, img.getRGB(0, 0, iw, ih, argb, 0, iw));
  }

  private static void checkSize(long w, long h) {
    if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
      throw RejectedImageException.tooLarge(
          "image is "
              + w
              + "x"
              + h
              + " pixels; the limit is "
              + MAX_SIDE
              + " on a side and "
              + MAX_PIXELS / 1_000_000
              + " megapixels");
    }
  }

  private static RejectedImageException corrupt(ImageFormat format) {
    return RejectedImageException.malformed("the " + format + " image is corrupt or truncated");
  }
}
