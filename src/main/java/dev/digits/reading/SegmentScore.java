package dev.digits.reading;

/**
 * How well a candidate fits a reading of whole digits, as a linear score over its {@link
 * SegmentFeatures}; the lattice adds the scores up along a path. The weights were fitted by {@code
 * FitSegmentScore} (src/test, a structured perceptron) on numbers composed of MNIST training
 * digits, never on test digits. On the test set's touching digits they read 72.7 % of numbers right
 * against 53.0 % for the hand-set {@link Tuning} costs, and the same within 1 point on the other
 * conditions (in process, {@code ReaderAccuracy inprocess}, 300 numbers a condition).
 */
final class SegmentScore {
  /**
   * {@code mvn -q test-compile exec:exec@fit-segment-score} (600 numbers a condition, 40 epochs).
   */
  static final SegmentScore FITTED =
      new SegmentScore(
          new double[] {
            -87.6567, 48.3016, 9.2043, 17.1844, -32.8106, -12.7398, -14.5200, -7.6015, 0.8686,
            -6.5915, -13.3459, -18.8234, -47.2241, -61.7960, -30.8742, -7.7149, 139.9276, -19.8918,
            45.2090, -37.3405, -7.0967, -62.2636, 42.9223, -6.8389, -0.9987, -0.4746, 1.6583
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
