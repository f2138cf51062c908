package dev.digits.reading;

/**
 * How likely a candidate is to be one whole digit, as a logistic regression over its {@link
 * SegmentFeatures}; the lattice adds up the logs. The weights were fitted by {@code
 * FitSegmentScore} (src/test) on numbers composed of MNIST training digits, never on test digits.
 */
final class SegmentScore {
  static final SegmentScore FITTED =
      new SegmentScore(
          new double[] {
            -46.3037, 6.7452, 11.6439, 26.0466, -36.2864, -35.6439, -30.6576, -15.4751, 17.1798,
                -9.4971, -23.0751,
            -4.8892, -29.5680, -24.9559, -3.4488, -0.6476, 51.9702, -6.7831, 2.6814, -23.1519,
                -12.1446, -109.6671,
            39.9578, -3.5870, -0.7748, 3.6645, 0.3468
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
