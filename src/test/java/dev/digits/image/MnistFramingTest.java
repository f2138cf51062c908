package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import org.junit.jupiter.api.Test;

/**
 * The server's framing leaves a digit framed as MNIST frames its digits as it is, so a model
 * trained on MNIST as stored is served what it learned from, and its card's accuracy is what a
 * client sending MNIST pictures gets.
 */
class MnistFramingTest {
  /** Stored bytes become floats on the way through: equal within a fraction of one grey level. */
  private static final float SAME = 1e-4f;

  @Test
  void mnistDigitsSentAsStoredReachTheModelUnchanged() {
    for (MnistDataset set : new MnistDataset[] {MnistFixture.training(), MnistFixture.test()}) {
      int unchanged = 0;
      for (float[] digit : set.images()) {
        float[] served = Preprocessor.served(digit);
        boolean same = true;
        float max = 0;
        for (float v : digit) {
          max = Math.max(max, v);
        }
        for (int i = 0; i < digit.length && same; i++) {
          same = Math.abs(served[i] - digit[i] / max) <= SAME;
        }
        unchanged += same ? 1 : 0;
      }
      // The rest have faint ink at their edges, under the bounds' threshold: their box is 17 to
      // 19 pixels, and they are scaled to fill 20.
      assertTrue(
          unchanged >= set.size() * 0.998, unchanged + " of " + set.size() + " left as stored");
    }
  }

  @Test
  void aDigitAlreadyTwentyPixelsAcrossMovesByWholePixels() {
    assertEquals(0, MnistFraming.shiftIntoBand(14.5));
    assertEquals(0, MnistFraming.shiftIntoBand(MnistFraming.CENTRE_LOW));
    assertEquals(1, MnistFraming.shiftIntoBand(13.2));
    assertEquals(-1, MnistFraming.shiftIntoBand(15.5));
    assertEquals(-6, MnistFraming.shiftIntoBand(20.9));
    assertEquals(MnistFraming.MNIST_CENTRE - 10 * 0.5, MnistFraming.offset(10, 0.5), 1e-12);
  }
}
