package dev.digits.reading;

/**
 * How well a candidate fits a reading of whole digits, as a linear score over its {@link
 * SegmentFeatures}; the lattice adds the scores up along a path. The weights were fitted by {@code
 * FitSegmentScore} (src/test, a structured perceptron) on numbers composed of MNIST training
 * digits, never on test digits. On the test set's touching digits they read 86.7 % of numbers right
 * against 53.3 % for the hand-set {@link Tuning} costs, and narrow gaps 95.0 % against 94.3 % (the
 * CNN, in process, {@code ReaderAccuracy inprocess}, 300 numbers a condition). Refit them whenever
 * the cuts or the features change.
 */
final class SegmentScore {
  /**
   * {@code mvn -q test-compile exec:exec@fit-segment-score} (600 numbers a condition, 40 epochs).
   */
  static final SegmentScore FITTED =
      new SegmentScore(
          new double[] {
            -142.7474, 13.9922, 14.1354, 18.6089, -33.7600, -4.4647, -18.9633, -11.5724, 1.1885,
            0.4340, -19.0035, -29.4665, -34.7737, -76.5386, -35.2977, -7.3694, 189.6949, -35.5028,
            68.5892, -9.6867, -44.5931, -48.1485, 56.9498, -3.9218, 1.4825, 17.2083, 8.1940
          });

  private final double[] weights;

  SegmentScore(double[] weights) {
    if (weights.length != SegmentFeatures.NAMES.length) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + SegmentFeatures.NAMES.length + " features");
    }
    this.weights = weights.clone();
  }

  /**
   * The weights in {@code -Dreading.weights} (comma-separated), for measurements; else {@link
   * #FITTED}.
   */
  static SegmentScore fromSystemProperty() {
    String w = System.getProperty("reading.weights");
    if (w == null) {
      return FITTED;
    }
    return new SegmentScore(
        java.util.Arrays.stream(w.replaceAll("[{} ]", "").split(","))
            .mapToDouble(Double::parseDouble)
            .toArray());
  }

  /** The candidate's score: higher for the candidates a reading of whole digits is made of. */
  double of(double[] features) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return z;
  }
}
