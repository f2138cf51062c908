package dev.digits.model.cnn;

/**
 * The inner loop of the CNN's layers: acc += values[t] * weights[offsets[t] .. + acc.length) for
 * each term in order, each product and sum rounded to float as {@code acc[k] += v * row[k]} rounds
 * it. The rows lie end to end in one array, so that a term costs no load of a row's reference.
 * Every kernel gives the same bits; they differ in speed.
 */
interface RowKernel {
  void add(float[] acc, float[] weights, float[] values, int[] offsets, int count);

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
