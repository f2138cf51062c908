package dev.digits.model.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnFileTest {
  @TempDir Path dir;

  @Test
  void saveAndLoadGiveIdenticalOutputs() {
    AnnNetwork net = new AnnNetwork(AnnWeights.initial(784, 32, 10, new Random(1)));
    Path file = dir.resolve("ann.bin");
    AnnFile.save(net.weights(), file);
    AnnNetwork loaded = AnnFile.load(file);
    Random r = new Random(2);
    for (int n = 0; n < 20; n++) {
      float[] x = new float[784];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextFloat() < 0.2 ? r.nextFloat() : 0f;
      }
      assertArrayEquals(net.probabilities(x), loaded.probabilities(x));
    }
    assertEquals(net.parameterCount(), loaded.parameterCount());
  }

  @Test
  void truncatedFileNamesItself() throws Exception {
    Path file = dir.resolve("ann.bin");
    AnnFile.save(AnnWeights.initial(784, 8, 10, new Random(1)).copy(), file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> AnnFile.load(file));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated"),
        e.getMessage());
  }

  @Test
  void otherFileIsNotTakenForWeights() throws Exception {
    Path file = Files.writeString(dir.resolve("ann.bin"), "PK not weights at all");
    assertTrue(
        assertThrows(IllegalStateException.class, () -> AnnFile.load(file))
            .getMessage()
            .contains("magic"));
  }
}
