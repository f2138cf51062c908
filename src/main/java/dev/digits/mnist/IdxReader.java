package dev.digits.mnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the IDX format of the MNIST files: a big-endian header (two zero bytes, a type code, the
 * number of dimensions, then each dimension) followed by the unsigned bytes of the data.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /** Reads an image file (3 dimensions: count, rows, columns). */
  public static IdxImages readImages(Path file) {
    Contents c = read(file, 3);
    return new IdxImages(c.dims[0], c.dims[1], c.dims[2], c.data);
  }

  /** Reads a label file (1 dimension: count); every label must be a digit. */
  public static byte[] readLabels(Path file) {
    Contents c = read(file, 1);
    for (int i = 0; i < c.data.length; i++) {
      if (c.data[i] < 0 || c.data[i] > 9) {
        throw new IdxFormatException(file + ": label " + i + " is " + c.data[i] + ", not a digit");
      }
    }
    return c.data;
  }

  private record Contents(int[] dims, byte[] data) {}

  private static Contents read(Path file, int expectedDims) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), bytes, expectedDims);
  }

  static Contents parse(String name, byte[] bytes, int expectedDims) {
    if (bytes.length < 4) {
      throw new IdxFormatException(
          name + ": " + bytes.length + " bytes is too short for an IDX header");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (buf.get() != 0 || buf.get() != 0) {
      throw new IdxFormatException(name + ": bad magic number (first two bytes must be zero)");
    }
    int type = buf.get() & 0xff;
    if (type != UNSIGNED_BYTE) {
      throw new IdxFormatException(
          name + ": data type 0x" + Integer.toHexString(type) + ", expected 0x08 (unsigned byte)");
    }
    int dimCount = buf.get() & 0xff;
    if (dimCount != expectedDims) {
      throw new IdxFormatException(
          name + ": " + dimCount + " dimensions, expected " + expectedDims);
    }
    if (bytes.length < 4 + 4 * dimCount) {
      throw new IdxFormatException(name + ": truncated header");
    }
    int[] dims = new int[dimCount];
    long size = 1;
    for (int i = 0; i < dimCount; i++) {
      dims[i] = buf.getInt();
      if (dims[i] <= 0) {
        throw new IdxFormatException(name + ": dimension " + i + " is " + dims[i]);
      }
      size *= dims[i];
    }
    long actual = bytes.length - buf.position();
    if (actual != size) {
      throw new IdxFormatException(
          name
              + ": header promises "
              + size
              + " data bytes but the file has "
              + actual
              + (actual < size ? " (truncated)" : " (trailing bytes)"));
    }
    byte[] data = new byte[(int) size];
    buf.get(data);
    return new Contents(dims, data);
  }
}
