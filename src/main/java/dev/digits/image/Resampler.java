package dev.digits.image;

/**
 * Separable resampling. Shrinking averages each output pixel over the source area it covers, each
 * source pixel weighted by its overlap: MNIST's own anti-aliasing, the ink's share of each pixel. A
 * wider filter (a triangle two output pixels across, used before) blurs a large drawing more than
 * MNIST's digits are blurred, and the CNNs read such digits worse: on the 10,000 test digits drawn
 * on the old app's 280 px canvas, the served CNN misses 5 fewer (OldCanvasGap). Enlarging
 * interpolates linearly.
 */
final class Resampler {
  private Resampler() {}

  /** For each output position along one axis: the first source index and its weights. */
  record Axis(int[] first, float[][] weights) {}

  /** Output pixel u spans u..u+1 and reads source positions (u - offset) / scale onwards. */
  static Axis axis(int outSize, int srcSize, double scale, double offset) {
    int[] first = new int[outSize];
    float[][] weights = new float[outSize][];
    for (int u = 0; u < outSize; u++) {
      int lo = first(u, scale, offset);
      float[] w = scale < 1 ? area(u, lo, scale, offset) : linear(u, lo, scale, offset);
      for (int i = 0; i < w.length; i++) {
        if (lo + i < 0 || lo + i >= srcSize) {
          w[i] = 0; // outside the source is blank paper: the weights stay normalised over the whole
        }
      }
      first[u] = lo;
      weights[u] = w;
    }
    return new Axis(first, weights);
  }

  /** The first source pixel output pixel u reads. */
  private static int first(int u, double scale, double offset) {
    return scale < 1
        ? (int) Math.floor((u - offset) / scale) // the first it covers
        : (int) Math.floor((u + 0.5 - offset) / scale - 1); // one before the one at its centre
  }

  /** The source pixels output pixel u covers, from {@code lo}, each weighted by its overlap. */
  private static float[] area(int u, int lo, double scale, double offset) {
    double a = (u - offset) / scale;
    double b = (u + 1 - offset) / scale;
    int hi = (int) Math.ceil(b) - 1;
    float[] w = new float[hi - lo + 1];
    for (int i = lo; i <= hi; i++) {
      w[i - lo] = (float) ((Math.min(b, i + 1) - Math.max(a, i)) / (b - a));
    }
    return w;
  }

  /** The source pixels around output pixel u's centre, from {@code lo}, weighted by nearness. */
  private static float[] linear(int u, int lo, double scale, double offset) {
    double centre = (u + 0.5 - offset) / scale;
    int hi = (int) Math.ceil(centre + 1);
    float[] w = new float[hi - lo + 1];
    double total = 0;
    for (int i = lo; i <= hi; i++) {
      double t = Math.max(0, 1 - Math.abs(i + 0.5 - centre));
      w[i - lo] = (float) t;
      total += t;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = total == 0 ? 0 : (float) (w[i] / total);
    }
    return w;
  }

  /**
   * Rows first, then columns. The rows pass adds each source row, over the columns that hold ink in
   * any row, into the output rows its filter reaches: zero-based loops over the picture's width,
   * which the JIT compiles to vector instructions (it does not when the two arrays are read at
   * different offsets, hence the copy of each row). The columns pass then reduces 28 short rows,
   * four at a time so that four sums advance together. Blank rows are skipped. Every sum takes its
   * terms in source order, and since weights and ink are never negative, a term left out for being
   * zero would have added +0.
   */
  static float[] resample(InkImage img, Axis cols, Axis rows, int side) {
    int h = img.height();
    int w = img.width();
    int inkFrom = w;
    int inkTo = -1;
    for (int y = 0; y < h; y++) {
      inkFrom = Math.min(inkFrom, img.firstAbove(y, 0f));
      inkTo = Math.max(inkTo, img.lastAbove(y, 0f));
    }
    float[] out = new float[side * side];
    if (inkTo < 0) {
      return out; // blank
    }
    int span = inkTo - inkFrom + 1;
    float[][] tmp = resampleRows(img, rows, side, inkFrom, span); // [v][x - inkFrom]
    for (int u = 0; u < side; u++) {
      float[] weights = cols.weights()[u];
      int lo = cols.first()[u];
      int from = Math.max(0, inkFrom - lo);
      int to = Math.min(weights.length - 1, inkTo - lo);
      int at = lo - inkFrom;
      int v = 0;
      for (; v + 4 <= side; v += 4) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        for (int i = from; i <= to; i++) {
          float wi = weights[i];
          a0 += wi * tmp[v][at + i];
          a1 += wi * tmp[v + 1][at + i];
          a2 += wi * tmp[v + 2][at + i];
          a3 += wi * tmp[v + 3][at + i];
        }
        out[v * side + u] = a0;
        out[(v + 1) * side + u] = a1;
        out[(v + 2) * side + u] = a2;
        out[(v + 3) * side + u] = a3;
      }
      for (; v < side; v++) {
        float acc = 0;
        for (int i = from; i <= to; i++) {
          acc += weights[i] * tmp[v][at + i];
        }
        out[v * side + u] = acc;
      }
    }
    return out;
  }

  /**
   * Output row v, over source columns inkFrom..inkFrom + span: the source rows under its filter,
   * weighted.
   */
  private static float[][] resampleRows(InkImage img, Axis rows, int side, int inkFrom, int span) {
    float[][] tmp = new float[side][span];
    float[] line = new float[span];
    for (int y = 0; y < img.height(); y++) {
      if (img.firstAbove(y, 0f) == img.width()) {
        continue; // a blank row adds nothing
      }
      System.arraycopy(img.ink(), y * img.width() + inkFrom, line, 0, span);
      for (int v = 0; v < side; v++) {
        float[] weights = rows.weights()[v];
        int i = y - rows.first()[v];
        if (i >= 0 && i < weights.length && weights[i] != 0) {
          addScaled(tmp[v], weights[i], line);
        }
      }
    }
    return tmp;
  }

  private static void addScaled(float[] acc, float weight, float[] src) {
    for (int x = 0; x < acc.length; x++) {
      acc[x] += weight * src[x];
    }
  }
}
