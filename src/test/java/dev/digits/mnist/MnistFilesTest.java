package dev.digits.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MnistFilesTest {
  @Test
  void realMnistHasItsKnownSizesAndLabelCounts() {
    assertEquals(10_000, MnistFixture.test().size());
    assertEquals(60_000, MnistFixture.training().size());
    int[] counts = new int[10];
    for (byte label : MnistFixture.test().labels()) {
      counts[label]++;
    }
    assertEquals(980, counts[0]); // the test set's published class sizes
    assertEquals(1135, counts[1]);
    assertEquals(1009, counts[9]);
  }
}
