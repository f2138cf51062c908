package dev.digits.model.cnn;

/**
 * The inner loop of the CNN's layers: acc += values[t] * rows[indices[t]] for each term in order,
 * each product and sum rounded to float as {@code acc[k] += v * row[k]} rounds it. Every kernel
 * gives the same bits; they differ in speed.
 */
interface RowKernel {
  void add(float[] acc, float[][] rows, float[] values, int[] indices, int count);

  /**
   * The Vector API kernel where the JVM was started with {@code --add-modules jdk.incubator.vector}
   * (as this project starts its server), else the plain loops, which every JVM and server runs.
   */
  static RowKernel fastest() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        return new VectorRowKernel();
      } catch (LinkageError e) {
        // a JVM whose incubating API differs from the one compiled against: the plain loops
      }
    }
    return new ScalarRowKernel();
  }
}
