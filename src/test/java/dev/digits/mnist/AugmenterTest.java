package dev.digits.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final Augmenter.Settings SOME =
      new Augmenter.Settings(10, 0.1f, 0.2f, 1.5f, 1f, 0.5f);

  @Test
  void noneLeavesTheImageAlone() {
    float[] img = MnistFixture.test().images()[0];
    assertSame(img, new Augmenter(Augmenter.Settings.NONE).augment(img, new Random(1)));
  }

  @Test
  void sameSeedGivesSameDistortion() {
    float[] img = MnistFixture.test().images()[0];
    Augmenter a = new Augmenter(SOME);
    assertArrayEquals(a.augment(img, new Random(5)), a.augment(img, new Random(5)));
    assertNotEquals(sum(a.augment(img, new Random(5))), sum(a.augment(img, new Random(6))));
  }

  @Test
  void geometricDistortionKeepsTheInkRoughlyAsIs() {
    // Without stroke changes, only the scale (at most +-10 % a side) and elastic warp change the
    // ink.
    Augmenter a = new Augmenter(new Augmenter.Settings(10, 0.1f, 0.2f, 1.5f, 1f, 0f));
    for (int i = 0; i < 50; i++) {
      float[] img = MnistFixture.test().images()[i];
      double ratio = sum(a.augment(img, new Random(i))) / sum(img);
      assertEquals(1.0, ratio, 0.35, "image " + i);
    }
  }

  @Test
  void thickerStrokesHaveMoreInk() {
    float[] img = MnistFixture.test().images()[3];
    float[] thick = Augmenter.changeStroke(img, true, 1f);
    float[] thin = Augmenter.changeStroke(img, false, 1f);
    assertTrue(
        sum(thick) > sum(img) && sum(img) > sum(thin),
        "thicker strokes hold more ink, thinner less");
  }

  private static double sum(float[] a) {
    double s = 0;
    for (float v : a) {
      s += v;
    }
    return s;
  }
}
