package dev.digits.model.ann;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the ANN's weight file. Format (big-endian): the magic {@code "ANN1"}, three ints
 * (inputs, hidden, outputs), then float32 arrays w1 (input-major), b1, w2 (hidden-major), b2.
 */
public final class AnnFile {
  private static final int MAGIC = 0x414e4e31; // "ANN1"
  private static final int MAX_UNITS = 1 << 16;

  private AnnFile() {}

  public static void save(AnnWeights w, Path file) {
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
      out.writeInt(MAGIC);
      out.writeInt(w.inputs());
      out.writeInt(w.hidden());
      out.writeInt(w.outputs());
      for (float[] a : w.arrays()) {
        for (float v : a) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static AnnNetwork load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ANN weights " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a weight file from a stream; {@code name} is used in error messages. */
  public static AnnNetwork read(InputStream stream, String name) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
    try {
      if (in.readInt() != MAGIC) {
        throw new IllegalStateException(name + " is not an ANN weight file (bad magic)");
      }
      int inputs = in.readInt();
      int hidden = in.readInt();
      int outputs = in.readInt();
      if (inputs <= 0
          || hidden <= 0
          || outputs <= 0
          || inputs > MAX_UNITS
          || hidden > MAX_UNITS
          || outputs > MAX_UNITS) {
        throw new IllegalStateException(
            name + ": implausible layer sizes " + inputs + "/" + hidden + "/" + outputs);
      }
      AnnWeights w = AnnWeights.zeros(inputs, hidden, outputs);
      for (float[] a : w.arrays()) {
        for (int i = 0; i < a.length; i++) {
          a[i] = in.readFloat();
        }
      }
      if (in.read() != -1) {
        throw new IllegalStateException(name + " has trailing bytes after the weights");
      }
      return new AnnNetwork(w);
    } catch (EOFException e) {
      throw new IllegalStateException(name + " is truncated", e);
    }
  }
}
