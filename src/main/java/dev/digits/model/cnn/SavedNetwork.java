package dev.digits.model.cnn;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A DL4J network as DL4J's ModelSerializer saves it, read without ND4J: the configuration JSON and
 * every parameter in one flat vector. Serving reads the CNN this way, so it neither loads ND4J's
 * native libraries (seconds of startup, hundreds of MB) nor needs them to answer.
 */
public record SavedNetwork(String configuration, float[] parameters) {
  private static final String CONFIGURATION = "configuration.json";
  private static final String COEFFICIENTS = "coefficients.bin";

  /** How ND4J 1.0.0-M2.1 tags the buffers it writes, and the types of the two it writes here. */
  private static final String ALLOCATION = "MIXED_DATA_TYPES";

  /** Reads the zip ModelSerializer writes; the updater's state, if saved, is skipped. */
  public static SavedNetwork read(InputStream zip) throws IOException {
    String configuration = null;
    float[] parameters = null;
    ZipInputStream in = new ZipInputStream(zip);
    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      if (e.getName().equals(CONFIGURATION)) {
        configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } else if (e.getName().equals(COEFFICIENTS)) {
        parameters = coefficients(in.readAllBytes());
      }
    }
    if (configuration == null || parameters == null) {
      throw new IOException("not a DL4J model: it needs " + CONFIGURATION + " and " + COEFFICIENTS);
    }
    return new SavedNetwork(configuration, parameters);
  }

  /**
   * ND4J's {@code Nd4j.write} of the flat parameter vector: the shape buffer (its length, then as
   * many longs), then the data buffer (its length, then big-endian floats), each behind a header
   * that names the allocation mode and the element type.
   */
  private static float[] coefficients(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    long shapeLength = header(in, "LONG");
    long rank = in.readLong();
    if (shapeLength != 2 * rank + 4 || rank < 1 || rank > 2) {
      throw new IOException("coefficients.bin: not a parameter vector (rank " + rank + ")");
    }
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      elements *= in.readLong();
    }
    in.skipNBytes(8 * (shapeLength - 1 - rank)); // strides, flags, element stride, order
    long length = header(in, "FLOAT");
    if (length != elements || length > Integer.MAX_VALUE) {
      throw new IOException("coefficients.bin: " + length + " values for a shape of " + elements);
    }
    int start = bytes.length - in.available();
    if (bytes.length - start < 4 * length) {
      throw new IOException("coefficients.bin: truncated");
    }
    float[] values = new float[(int) length];
    ByteBuffer.wrap(bytes, start, 4 * values.length)
        .asFloatBuffer()
        .get(values); // big-endian, as written
    return values;
  }

  private static long header(DataInputStream in, String type) throws IOException {
    String allocation = in.readUTF();
    long length = in.readLong();
    String actual = in.readUTF();
    if (!allocation.equals(ALLOCATION) || !actual.equals(type) || length < 0) {
      throw new IOException(
          "coefficients.bin: a "
              + allocation
              + "/"
              + actual
              + " buffer where "
              + ALLOCATION
              + "/"
              + type
              + " was expected (saved by another ND4J version?)");
    }
    return length;
  }
}
