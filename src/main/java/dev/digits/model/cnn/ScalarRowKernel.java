package dev.digits.model.cnn;

/**
 * Four terms per pass over the accumulator: a quarter of its loads and stores, in loops the JIT
 * vectorises. The terms are still added one after another, so the bits are those of one pass per
 * term.
 */
final class ScalarRowKernel implements RowKernel {
  @Override
  public void add(float[] acc, float[] weights, float[] values, int[] offsets, int count) {
    int t = 0;
    for (; t + 4 <= count; t += 4) {
      addFour(
          acc,
          weights,
          values[t],
          offsets[t],
          values[t + 1],
          offsets[t + 1],
          values[t + 2],
          offsets[t + 2],
          values[t + 3],
          offsets[t + 3]);
    }
    for (; t < count; t++) {
      float v = values[t];
      int o = offsets[t];
      for (int k = 0; k < acc.length; k++) {
        acc[k] += v * weights[o + k];
      }
    }
  }

  private static void addFour(
      float[] acc, float[] w, float a, int oa, float b, int ob, float c, int oc, float d, int od) {
    for (int k = 0; k < acc.length; k++) {
      acc[k] = acc[k] + a * w[oa + k] + b * w[ob + k] + c * w[oc + k] + d * w[od + k];
    }
  }

  static void addOne(float[] acc, float v, float[] row) {
    for (int k = 0; k < acc.length; k++) {
      acc[k] += v * row[k];
    }
  }
}
