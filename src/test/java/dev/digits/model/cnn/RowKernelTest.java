package dev.digits.model.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against the plain loops: the same bits, for every row length and term
 * count. The kernel needs the incubating module {@code jdk.incubator.vector}, which a JVM loads
 * only when started with {@code --add-modules=jdk.incubator.vector} (the pom's vector.api, which
 * surefire passes as the run command passes it to the server). A JVM without it, an IDE's for one,
 * skips these tests and says why; the server there runs the plain loops.
 */
class RowKernelTest {
  private final Random random = new Random(7);

  @BeforeAll
  static void needsTheVectorApi() {
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if (!present) {
      String message =
          "ROW KERNEL TESTS SKIPPED: this JVM was started without --add-modules=jdk.incubator.vector";
      System.err.println("\n*** " + message + " ***\n");
    }
    Assumptions.assumeTrue(
        present, "this JVM was started without --add-modules=jdk.incubator.vector");
  }

  @Test
  void aJvmWithTheVectorApiRunsTheVectorKernel() {
    assertEquals("VectorRowKernel", CnnForwardPass.rowKernel());
  }

  @Test
  void vectorSumsEqualThePlainLoopsToTheBit() {
    for (int length : new int[] {1, 7, 10, 16, 31, 32, 64, 65, 100, 256}) {
      for (int count : new int[] {0, 1, 3, 4, 5, 25, 200}) {
        float[] weights = new float[300 * length]; // 300 rows end to end
        fill(weights);
        float[] values = new float[count];
        int[] offsets = new int[count];
        fill(values);
        for (int t = 0; t < count; t++) {
          offsets[t] = random.nextInt(300) * length;
        }
        float[] start = new float[length];
        fill(start);
        float[] plain = start.clone();
        float[] vector = start.clone();
        new ScalarRowKernel().add(plain, weights, values, offsets, count);
        new VectorRowKernel().add(vector, weights, values, offsets, count);
        assertArrayEquals(
            plain, vector, length + " floats, " + count + " terms"); // exact: no tolerance
      }
    }
  }

  /**
   * Magnitudes over several orders, both signs, so that rounding differs with the order of
   * operations.
   */
  private void fill(float[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
    }
  }
}
