package dev.digits.image;

/**
 * Separable resampling with a triangle filter whose width follows the scale, so shrinking averages
 * over every source pixel it covers (no aliasing) and enlarging interpolates linearly.
 */
final class Resampler {
  private Resampler() {}

  /** For each output position along one axis: the first source index and its weights. */
  record Axis(int[] first, float[][] weights) {}

  /** Output pixel centre u + 0.5 reads source position (u + 0.5 - offset) / scale. */
  static Axis axis(int outSize, int srcSize, double scale, double offset) {
    double support = Math.max(1.0, 1.0 / scale);
    int[] first = new int[outSize];
    float[][] weights = new float[outSize][];
    for (int u = 0; u < outSize; u++) {
      double centre = (u + 0.5 - offset) / scale;
      int lo = (int) Math.floor(centre - support);
      int hi = (int) Math.ceil(centre + support);
      float[] w = new float[hi - lo + 1];
      double total = 0;
      for (int i = lo; i <= hi; i++) {
        double t = Math.max(0, 1 - Math.abs(i + 0.5 - centre) / support);
        w[i - lo] = (float) t;
        total += t;
      }
      for (int i = 0; i < w.length; i++) {
        // Outside the source counts as blank paper, so weights are normalised over the whole filter.
        w[i] = total == 0 ? 0 : (float) (w[i] / total);
        if (lo + i < 0 || lo + i >= srcSize) {
          w[i] = 0;
        }
      }
      first[u] = lo;
      weights[u] = w;
    }
    return new Axis(first, weights);
  }

  /**
   * Columns first, then rows. Blank rows and the blank ends of rows are skipped. Weights and ink are
   * never negative, so a term that is zero (a weight outside the source, blank paper) adds +0 and
   * changes no sum: leaving them out, or in, gives the same bits.
   */
  static float[] resample(InkImage img, Axis cols, Axis rows, int side) {
    int h = img.height();
    int w = img.width();
    float[] ink = img.ink();
    float[] tmp = new float[h * side];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      int inkFrom = img.firstAbove(y, 0f);
      if (inkFrom == w) {
        continue; // a blank row stays zero
      }
      int inkTo = img.lastAbove(y, 0f);
      for (int u = 0; u < side; u++) {
        float[] weights = cols.weights()[u];
        int lo = cols.first()[u];
        int from = Math.max(0, inkFrom - lo);
        int to = Math.min(weights.length - 1, inkTo - lo);
        float acc = 0;
        for (int i = from; i <= to; i++) {
          acc += weights[i] * ink[row + lo + i];
        }
        tmp[y * side + u] = acc;
      }
    }
    float[] out = new float[side * side];
    for (int v = 0; v < side; v++) {
      float[] weights = rows.weights()[v];
      int lo = rows.first()[v];
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] != 0) {
          int src = (lo + i) * side;
          for (int u = 0; u < side; u++) {
            out[v * side + u] += weights[i] * tmp[src + u];
          }
        }
      }
    }
    return out;
  }
}
