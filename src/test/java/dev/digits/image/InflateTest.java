package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * {@link Inflate} must give back what the JDK's zlib compressed, at every level and strategy, and
 * refuse the rest.
 */
class InflateTest {
  private static final int[] STRATEGIES = {
    Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY
  };

  @Test
  void inflatesWhatZlibDeflatesAtEveryLevelAndStrategy() throws DataFormatException {
    Random random = new Random(7);
    for (byte[] data : samples(random)) {
      for (int level = 0; level <= 9; level++) {
        for (int strategy : STRATEGIES) {
          byte[] z = deflate(data, level, strategy);
          byte[] out = new byte[data.length];
          Inflate.zlib(z, 0, z.length, out);
          assertArrayEquals(
              data,
              out,
              "level " + level + ", strategy " + strategy + ", " + data.length + " bytes");
        }
      }
    }
  }

  @Test
  void refusesAStreamThatHoldsMoreOrLessThanThePicture() {
    byte[] data = "a picture's rows".repeat(100).getBytes(StandardCharsets.US_ASCII);
    byte[] z = deflate(data, 6, Deflater.DEFAULT_STRATEGY);
    assertThrows(
        DataFormatException.class, () -> Inflate.zlib(z, 0, z.length, new byte[data.length - 1]));
    assertThrows(
        DataFormatException.class, () -> Inflate.zlib(z, 0, z.length, new byte[data.length + 1]));
    assertThrows(
        DataFormatException.class, () -> Inflate.zlib(z, 0, z.length / 2, new byte[data.length]));
    assertThrows(
        DataFormatException.class, () -> Inflate.zlib(new byte[] {0x78}, 0, 1, new byte[1]));
  }

  /**
   * Damaged streams either inflate to something of the right size or throw DataFormatException:
   * nothing else escapes.
   */
  @Test
  void damagedStreamsFailCleanly() {
    Random random = new Random(11);
    byte[] data = samples(random).get(5);
    byte[] z = deflate(data, 9, Deflater.DEFAULT_STRATEGY);
    int refused = 0;
    for (int trial = 0; trial < 3000; trial++) {
      byte[] damaged = z.clone();
      for (int k = 0; k <= trial % 4; k++) {
        damaged[2 + random.nextInt(damaged.length - 2)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        Inflate.zlib(damaged, 0, damaged.length, new byte[data.length]);
      } catch (DataFormatException expected) {
        refused++;
      }
    }
    // Without the checksum, damage that keeps the codes valid inflates to wrong bytes of the right
    // size.
    assertTrue(refused > 500, "damage detected only " + refused + " times in 3000");
  }

  /**
   * Random bytes, text, long runs with short and long periods, and a mixture: literals, short and
   * long copies.
   */
  private static List<byte[]> samples(Random random) {
    byte[] noise = new byte[50_000];
    random.nextBytes(noise);
    byte[] text =
        "the quick brown fox jumps over the lazy dog 0123456789\n"
            .repeat(900)
            .getBytes(StandardCharsets.US_ASCII);
    byte[] runs = new byte[300_000];
    for (int i = 0; i < runs.length; ) {
      int len = 1 + random.nextInt(2000);
      Arrays.fill(runs, i, Math.min(runs.length, i + len), (byte) random.nextInt(3));
      i += len;
    }
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    for (int i = 0; i < 2000; i++) {
      byte[] pattern = new byte[1 + random.nextInt(7)];
      random.nextBytes(pattern);
      for (int r = random.nextInt(60); r >= 0; r--) {
        mixed.write(pattern, 0, pattern.length);
      }
      byte[] noisy = new byte[random.nextInt(40)];
      random.nextBytes(noisy);
      mixed.write(noisy, 0, noisy.length);
    }
    return List.of(new byte[0], new byte[] {42}, noise, text, runs, mixed.toByteArray());
  }

  private static byte[] deflate(byte[] data, int level, int strategy) {
    Deflater deflater = new Deflater(level);
    deflater.setStrategy(strategy);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }
}
