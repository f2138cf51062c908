package dev.digits.image;

import java.util.Arrays;

/**
 * Morphological closing of a grey picture with a square window: the largest value around each
 * pixel, then the smallest of those. It removes dark features narrower than the window (a pen's
 * strokes on paper) and keeps the edges of wide ones exactly where they are (a shadow's edge),
 * which is what a paper estimate needs and a blur cannot give. Each pass is the van Herk/Gil-Werman
 * running extremum: three comparisons a pixel whatever the window, so a 16 MP photo costs what four
 * passes over it cost.
 */
final class Closing {
  private Closing() {}

  /**
   * The closing of {@code values} (row-major, {@code width} x {@code height}) in a new array. The
   * picture is taken to go on beyond its border as its border pixels do, so a shadow that leaves
   * the picture keeps its edge up to the border.
   */
  static float[] of(float[] values, int width, int height, int radius) {
    int w = width + 2 * radius;
    int h = height + 2 * radius;
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      int row = Math.max(0, Math.min(height - 1, y - radius)) * width;
      for (int x = 0; x < w; x++) {
        out[y * w + x] = values[row + Math.max(0, Math.min(width - 1, x - radius))];
      }
    }
    // Largest along rows, then along columns, then smallest along columns and rows. Columns are
    // made rows by transposing: a pass down a column of a large photo misses the cache each pixel.
    // Largest along rows and columns, then smallest (the largest of the negated values). Columns
    // are made rows by transposing: a pass down a column of a large photo misses the cache.
    RunningMax max = new RunningMax(Math.max(w, h), radius);
    rows(max, out, w, h);
    out = transposed(out, w, h);
    rows(max, out, h, w);
    negate(out);
    rows(max, out, h, w);
    out = transposed(out, h, w);
    rows(max, out, w, h);
    negate(out);
    float[] closed = new float[width * height];
    for (int y = 0; y < height; y++) {
      System.arraycopy(out, (y + radius) * w + radius, closed, y * width, width);
    }
    return closed;
  }

  private static void rows(RunningMax max, float[] v, int width, int height) {
    for (int y = 0; y < height; y++) {
      max.apply(v, y * width, width);
    }
  }

  private static void negate(float[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] = -v[i];
    }
  }

  /** {@code v} ({@code width} x {@code height}) transposed, in tiles that stay in the cache. */
  private static float[] transposed(float[] v, int width, int height) {
    float[] t = new float[v.length];
    int tile = 32;
    for (int y0 = 0; y0 < height; y0 += tile) {
      for (int x0 = 0; x0 < width; x0 += tile) {
        for (int y = y0; y < Math.min(height, y0 + tile); y++) {
          for (int x = x0; x < Math.min(width, x0 + tile); x++) {
            t[x * height + y] = v[y * width + x];
          }
        }
      }
    }
    return t;
  }

  /** The running maximum over {@code 2 radius + 1} values of a row, in place. */
  private static final class RunningMax {
    final int radius;
    final int window;
    final float[] padded;
    final float[] forward;
    final float[] backward;

    RunningMax(int longest, int radius) {
      this.radius = radius;
      this.window = 2 * radius + 1;
      int length = (longest + 2 * radius + window - 1) / window * window;
      padded = new float[length];
      forward = new float[length];
      backward = new float[length];
    }

    void apply(float[] v, int start, int count) {
      int length = (count + 2 * radius + window - 1) / window * window;
      Arrays.fill(padded, 0, length, Float.NEGATIVE_INFINITY);
      System.arraycopy(v, start, padded, radius, count);
      // Within each block of one window: the largest so far from its start, and from its end.
      for (int block = 0; block < length; block += window) {
        float most = Float.NEGATIVE_INFINITY;
        for (int j = block; j < block + window; j++) {
          float p = padded[j];
          most = p > most ? p : most;
          forward[j] = most;
        }
        most = Float.NEGATIVE_INFINITY;
        for (int j = block + window - 1; j >= block; j--) {
          float p = padded[j];
          most = p > most ? p : most;
          backward[j] = most;
        }
      }
      // The window of padded[k .. k + 2 radius] spans at most two blocks.
      for (int k = 0; k < count; k++) {
        float a = backward[k];
        float b = forward[k + window - 1];
        v[start + k] = a > b ? a : b;
      }
    }
  }
}
