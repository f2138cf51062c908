package dev.digits.reading;

/**
 * How well a candidate fits a reading of whole digits, as a linear score over its {@link
 * SegmentFeatures}; the lattice adds the scores up along a path. The weights were fitted by {@code
 * FitSegmentScore} (src/test, a structured perceptron) on numbers composed of MNIST training
 * digits, never on test digits. On the test set's touching digits they read 87.7 % of numbers right
 * against 53.3 % for the hand-set {@link Tuning} costs, and narrow gaps 95.0 % against 94.3 % (the
 * CNN, in process, {@code ReaderAccuracy inprocess}, 300 numbers a condition). Refit them whenever
 * the cuts or the features change.
 */
final class SegmentScore {
  /**
   * {@code mvn -q test-compile exec:exec@fit-segment-score} (1,000 numbers a condition, 40 epochs).
   */
  static final SegmentScore FITTED =
      new SegmentScore(
          new double[] {
            -160.7009, 20.9006, 13.2882, 14.8868, -44.1370, 4.2010, -3.1432, -19.3215,
            -9.0245, 9.2575, -32.8225, -37.8654, -57.9004, -94.4416, -41.6213, -14.2886,
            264.8132, -36.9778, 85.0243, -12.0021, -38.6962, -52.3243, 62.5500, -6.0248,
            0.4301, 13.1265, 5.6796
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
