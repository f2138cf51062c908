package dev.digits.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit greyscale PNG, the 28x28 picture a model read that every JSON answer carries.
 * ImageIO took far longer for so small a picture: it finds a writer in its registry and, by
 * default, buffers the stream in a temporary file on each call.
 */
public final class GreyPng {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private GreyPng() {}

  /** The PNG of {@code grey}, row by row, one byte per pixel (0 black, 255 white). */
  public static byte[] encode(byte[] grey, int width, int height) {
    if (grey.length != width * height) {
      throw new IllegalArgumentException(grey.length + " pixels for " + width + "x" + height);
    }
    byte[] rows = new byte[height * (width + 1)]; // each row led by filter type 0 (none)
    for (int y = 0; y < height; y++) {
      System.arraycopy(grey, y * width, rows, y * (width + 1) + 1, width);
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    byte[] deflated;
    try {
      deflater.setInput(rows);
      deflater.finish();
      ByteArrayOutputStream z = new ByteArrayOutputStream(rows.length / 2 + 64);
      byte[] chunk = new byte[rows.length + 64];
      while (!deflater.finished()) {
        z.write(chunk, 0, deflater.deflate(chunk));
      }
      deflated = z.toByteArray();
    } finally {
      deflater.end();
    }
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(width).putInt(height).put((byte) 8).put((byte) 0); // 8 bits, greyscale
    header.put((byte) 0).put((byte) 0).put((byte) 0); // deflate, adaptive filters, no interlace
    ByteArrayOutputStream png = new ByteArrayOutputStream(deflated.length + 64);
    png.writeBytes(SIGNATURE);
    chunk(png, "IHDR", header.array());
    chunk(png, "IDAT", deflated);
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(name);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
