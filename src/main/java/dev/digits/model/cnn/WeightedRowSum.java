package dev.digits.model.cnn;

/**
 * Collects terms v * row for one accumulator row and adds them in the order given, through the
 * fastest {@link RowKernel} this JVM runs; every kernel gives the same bits as {@code acc[k] += v *
 * row[k]} one term at a time.
 */
final class WeightedRowSum {
  private static final RowKernel KERNEL = RowKernel.fastest();
  private final float[][] rows;
  private final float[] values;
  private final int[]
      indices; // of rows: storing an index, unlike a reference, costs no GC write barrier
  private int count;

  /**
   * Sums over terms whose rows come from {@code rows}, at most {@code rows.length} terms between
   * two {@link #addTo} calls.
   */
  WeightedRowSum(float[][] rows) {
    this.rows = rows;
    values = new float[rows.length];
    indices = new int[rows.length];
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
    indices[count] = row;
    count += value != 0f ? 1 : 0;
  }

  /** acc += the terms given since the last call, in order; then forgets them. */
  void addTo(float[] acc) {
    KERNEL.add(acc, rows, values, indices, count);
    count = 0;
  }
}
