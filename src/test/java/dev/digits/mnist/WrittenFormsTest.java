package dev.digits.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WrittenFormsTest {
  private static final int SIDE = 28;

  @Test
  void noneLeavesTheImageAlone() {
    float[] img = MnistFixture.test().images()[0];
    assertSame(img, new WrittenForms(WrittenForms.Settings.NONE).apply(img, 7, new Random(1)));
  }

  @Test
  void europeanFormsAddInkWhereTheFormHasItsStroke() {
    MnistDataset test = MnistFixture.test();
    Random random = new Random(3);
    int checked = 0;
    int unchanged = 0;
    for (int i = 0; i < 400; i++) {
      int label = test.labels()[i];
      if (!WrittenForms.hasEuropeanForm(label)) {
        continue;
      }
      float[] img = test.images()[i];
      float[] form = WrittenForms.european(img, label, random);
      double[] added = new double[4]; // ink added: left, right, above, below the digit's middle
      int[] addedBox = {SIDE, SIDE, -1, -1};
      double total = 0;
      int[] box = box(img);
      double midX = (box[0] + box[2]) / 2.0;
      double midY = (box[1] + box[3]) / 2.0;
      for (int p = 0; p < img.length; p++) {
        float more = form[p] - img[p];
        assertTrue(more >= 0, "digit " + i + ": a form only adds ink");
        added[p % SIDE < midX ? 0 : 1] += more;
        added[p / SIDE < midY ? 2 : 3] += more;
        total += more;
        if (more > 0.5f) {
          addedBox[0] = Math.min(addedBox[0], p % SIDE);
          addedBox[1] = Math.min(addedBox[1], p / SIDE);
          addedBox[2] = Math.max(addedBox[2], p % SIDE);
          addedBox[3] = Math.max(addedBox[3], p / SIDE);
        }
      }
      boolean across = addedBox[2] - addedBox[0] > addedBox[3] - addedBox[1];
      if (total < 3) {
        unchanged++; // its ink covers the stroke already: a 7 crossed, a 9 with its tail
        continue;
      }
      String where =
          switch (label) {
            case 1 -> added[2] > added[3] ? "" : "a 1's flag is at its top";
            case 4 -> added[1] > added[0] ? "" : "a 4's bar runs on to the right";
            case 7 -> across ? "" : "a 7's bar runs across";
            default -> added[3] > added[2] ? "" : "a 9's tail is at its bottom";
          };
      assertTrue(where.isEmpty(), "digit " + i + ": " + where);
      checked++;
    }
    assertTrue(
        checked > 100 && unchanged < 0.05 * checked, checked + " changed, " + unchanged + " not");
  }

  @Test
  void aScanAtFullResolutionIsTheDigitItself() {
    float[] img = MnistFixture.test().images()[4];
    float[] scanned = WrittenForms.lowResolution(img, SIDE);
    for (int p = 0; p < img.length; p++) {
      assertTrue(Math.abs(scanned[p] - img[p]) < 1e-5, "pixel " + p);
    }
  }

  @Test
  void aCoarseScanKeepsTheInkWhereItWasAndItsDarkest() {
    float[] img = MnistFixture.test().images()[4];
    float[] scanned = WrittenForms.lowResolution(img, 9);
    float most = 0;
    for (float v : scanned) {
      most = Math.max(most, v);
    }
    assertTrue(most == 1f);
    double[] before = centre(img);
    double[] after = centre(scanned);
    assertArrayEquals(before, after, 1.0);
  }

  private static int[] box(float[] img) {
    int[] b = {SIDE, SIDE, -1, -1};
    for (int p = 0; p < img.length; p++) {
      if (img[p] > 0.5f) {
        b[0] = Math.min(b[0], p % SIDE);
        b[1] = Math.min(b[1], p / SIDE);
        b[2] = Math.max(b[2], p % SIDE);
        b[3] = Math.max(b[3], p / SIDE);
      }
    }
    return b;
  }

  private static double[] centre(float[] img) {
    double sx = 0;
    double sy = 0;
    double m = 0;
    for (int p = 0; p < img.length; p++) {
      sx += img[p] * (p % SIDE);
      sy += img[p] * (p / SIDE);
      m += img[p];
    }
    return new double[] {sx / m, sy / m};
  }
}
