package dev.digits.reading;

/**
 * How plausible a shape is for a digit, as a log-likelihood added to the model's own: each digit's
 * width-to-height ratio against the spread of that digit in MNIST's training set, and the height
 * against the row's, so a half digit, two digits run together or a lone flag reads as unlikely.
 */
final class ShapePrior {
  /**
   * Mean and standard deviation of ln(width / height) per digit, of MNIST's 60,000 training digits'
   * boxes of ink above 0.3 (the 1s are narrow, the 2s and 5s the widest).
   */
  private static final double[] MEAN = {
    -0.108, -0.943, -0.074, -0.240, -0.247, -0.077, -0.333, -0.270, -0.288, -0.403
  };

  private static final double[] SD = {
    0.200, 0.462, 0.222, 0.214, 0.216, 0.263, 0.219, 0.218, 0.224, 0.207
  };

  /**
   * Student's t with this many degrees of freedom: a gentle tail, for handwriting MNIST never saw.
   */
  private static final double DEGREES = 4;

  /** A digit shorter than this share of the row's digit height starts to cost. */
  static final double SHORT = 0.6;

  private final double wideWeight;
  private final double narrowWeight;
  private final double shortCost;

  ShapePrior(double wideWeight, double narrowWeight, double shortCost) {
    this.wideWeight = wideWeight;
    this.narrowWeight = narrowWeight;
    this.shortCost = shortCost;
  }

  /**
   * How many standard deviations wider (positive) or narrower than is usual for the digit a box is.
   */
  static double aspectZ(int digit, int width, int height) {
    return (Math.log((double) width / height) - MEAN[digit]) / SD[digit];
  }

  /**
   * The log-prior of a piece of ink read as {@code digit}, in a row whose digits are {@code
   * rowHeight} tall.
   */
  double logPrior(int digit, int width, int height, double rowHeight) {
    double z = (Math.log((double) width / height) - MEAN[digit]) / SD[digit];
    double aspect = -(DEGREES + 1) / 2 * Math.log1p(z * z / DEGREES);
    double relative = height / rowHeight;
    double shortness = relative < SHORT ? -shortCost * (SHORT - relative) / SHORT : 0;
    return (z > 0 ? wideWeight : narrowWeight) * aspect + shortness;
  }
}
