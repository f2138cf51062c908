package dev.digits.model.cnn;

/**
 * Four terms per pass over the accumulator: a quarter of its loads and stores, in loops the JIT
 * vectorises. The terms are still added one after another, so the bits are those of one pass per
 * term.
 */
final class ScalarRowKernel implements RowKernel {
  @Override
  public void add(float[] acc, float[][] rows, float[] values, int[] indices, int count) {
    int t = 0;
    for (; t + 4 <= count; t += 4) {
      addFour(
          acc,
          values[t],
          rows[indices[t]],
          values[t + 1],
          rows[indices[t + 1]],
          values[t + 2],
          rows[indices[t + 2]],
          values[t + 3],
          rows[indices[t + 3]]);
    }
    for (; t < count; t++) {
      addOne(acc, values[t], rows[indices[t]]);
    }
  }

  private static void addFour(
      float[] acc,
      float a,
      float[] ra,
      float b,
      float[] rb,
      float c,
      float[] rc,
      float d,
      float[] rd) {
    for (int k = 0; k < acc.length; k++) {
      acc[k] = acc[k] + a * ra[k] + b * rb[k] + c * rc[k] + d * rd[k];
    }
  }

  static void addOne(float[] acc, float v, float[] row) {
    for (int k = 0; k < acc.length; k++) {
      acc[k] += v * row[k];
    }
  }
}
