package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClosingTest {
  @Test
  void equalsTheLargestThenSmallestAroundEachPixel() {
    Random random = new Random(7);
    for (int[] size : new int[][] {{1, 1}, {5, 3}, {17, 40}, {64, 9}}) {
      for (int radius : new int[] {0, 1, 3, 8}) {
        int w = size[0];
        int h = size[1];
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
          v[i] = random.nextFloat();
        }
        float[] expected = closing(v, w, h, radius);
        assertArrayEquals(expected, Closing.of(v, w, h, radius), w + "x" + h + " r" + radius);
      }
    }
  }

  @Test
  void removesAThinDarkLineAndKeepsAWideDarkRegionsEdge() {
    int w = 60;
    int h = 40;
    float[] v = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        v[y * w + x] = x >= 35 ? 0.5f : Math.abs(x - 15) <= 2 ? 0.1f : 1f; // a stroke, a shadow
      }
    }
    float[] closed = Closing.of(v, w, h, 4);
    for (int x = 0; x < w; x++) {
      assertEquals(x >= 35 ? 0.5f : 1f, closed[20 * w + x], "x " + x);
    }
  }

  /**
   * The brute-force closing: the largest value around each pixel of the picture extended by its
   * border pixels, then the smallest of those around each pixel of the picture.
   */
  private static float[] closing(float[] v, int w, int h, int r) {
    int ew = w + 2 * r;
    int eh = h + 2 * r;
    float[] dilated = new float[ew * eh];
    for (int y = 0; y < eh; y++) {
      for (int x = 0; x < ew; x++) {
        float best = Float.NEGATIVE_INFINITY;
        for (int yy = Math.max(0, y - r); yy <= Math.min(eh - 1, y + r); yy++) {
          for (int xx = Math.max(0, x - r); xx <= Math.min(ew - 1, x + r); xx++) {
            int sy = Math.max(0, Math.min(h - 1, yy - r));
            int sx = Math.max(0, Math.min(w - 1, xx - r));
            best = Math.max(best, v[sy * w + sx]);
          }
        }
        dilated[y * ew + x] = best;
      }
    }
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float best = Float.POSITIVE_INFINITY;
        for (int yy = y; yy <= y + 2 * r; yy++) {
          for (int xx = x; xx <= x + 2 * r; xx++) {
            best = Math.min(best, dilated[yy * ew + xx]);
          }
        }
        out[y * w + x] = best;
      }
    }
    return out;
  }

  @Test
  void aShadowLeavingThePictureKeepsItsEdgeToTheBorder() {
    int w = 80;
    int h = 80;
    float[] v = new float[w * h];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % w + 0.4f * (i / w) > 50 ? 0.5f : 1f;
    }
    assertArrayEquals(v, Closing.of(v, w, h, 6));
  }
}
