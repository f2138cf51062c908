package dev.digits.model.cnn;

/**
 * Adds terms v * row to an accumulator row, four terms per pass over it. The additions happen in the
 * order the terms were given, each rounded as {@code acc[k] += v * row[k]} would round it, so the
 * result is the same to the bit as one pass per term, with a quarter of the accumulator's loads and
 * stores: the cost that dominated the CNN's convolution.
 */
final class WeightedRowSum {
  private final float[][] rows;
  private final float[] values;
  private final int[] indices; // of rows: storing an index, unlike a reference, costs no GC write barrier
  private int count;

  /** Sums over terms whose rows come from {@code rows}, at most {@code rows.length} terms between two {@link #addTo} calls. */
  WeightedRowSum(float[][] rows) {
    this.rows = rows;
    values = new float[rows.length];
    indices = new int[rows.length];
  }

  /**
   * Adds the term value * rows[row] unless its value is zero, without a branch: activations are zero or not about as
   * often as a coin falls, and a mispredicted branch per term cost more than the arithmetic.
   */
  void addUnlessZero(float value, int row) {
    values[count] = value;
    indices[count] = row;
    count += value != 0f ? 1 : 0;
  }

  /** acc += the terms given since the last call, in order; then forgets them. */
  void addTo(float[] acc) {
    float[][] rows = this.rows;
    int t = 0;
    for (; t + 4 <= count; t += 4) {
      addFour(acc, values[t], rows[indices[t]], values[t + 1], rows[indices[t + 1]],
          values[t + 2], rows[indices[t + 2]], values[t + 3], rows[indices[t + 3]]);
    }
    for (; t < count; t++) {
      addOne(acc, values[t], rows[indices[t]]);
    }
    count = 0;
  }

  private static void addFour(float[] acc, float a, float[] ra, float b, float[] rb, float c, float[] rc, float d, float[] rd) {
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
