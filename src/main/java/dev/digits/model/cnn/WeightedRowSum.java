package dev.digits.model.cnn;

/**
 * Collects terms v * row for one accumulator row and adds them in the order given, through the
 * fastest {@link RowKernel} this JVM runs; every kernel gives the same bits as {@code acc[k] += v *
 * row[k]} one term at a time.
 */
final class WeightedRowSum {
  private static final RowKernel KERNEL = RowKernel.fastest();
  private final float[] weights; // the rows end to end
  private final int stride;
  private final float[] values;
  private final int[]
      offsets; // of rows in weights: an int, unlike a reference, costs no GC barrier
  private int count;

  /**
   * Sums over terms whose rows, each {@code stride} long, lie end to end in {@code weights} (see
   * {@link #endToEnd}); at most one term per row between two {@link #addTo} calls.
   */
  WeightedRowSum(float[] weights, int stride) {
    this.weights = weights;
    this.stride = stride;
    values = new float[weights.length / stride];
    offsets = new int[values.length];
  }

  /** The rows, all of one length, end to end in one array. */
  static float[] endToEnd(float[][] rows) {
    int stride = rows[0].length;
    float[] out = new float[rows.length * stride];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * stride, stride);
    }
    return out;
  }

  /** The kernel this JVM's sums run on: VectorRowKernel or ScalarRowKernel. */
  static String kernel() {
    return KERNEL.getClass().getSimpleName();
  }

  /**
   * Adds the term value * rows[row] unless its value is zero, without a branch: activations are
   * zero or not about as often as a coin falls, and a mispredicted branch per term cost more than
   * the arithmetic.
   */
  void addUnlessZero(float value, int row) {
    values[count] = value;
    offsets[count] = row * stride;
    count += value != 0f ? 1 : 0;
  }

  /** acc += the terms given since the last call, in order; then forgets them. */
  void addTo(float[] acc) {
    KERNEL.add(acc, weights, values, offsets, count);
    count = 0;
  }
}
