package dev.digits.reading;

/**
 * The reader's settings, in one place so that a measurement can vary them. Lengths are shares of
 * the row's digit height; costs are in the units of log-probabilities that the lattice adds up.
 *
 * @param threshold ink above this (0..1) makes strokes; lower joins the soft edges of close digits
 * @param cutFrom strokes wider than this are looked at for touching digits: two 1s touching are 0.3
 *     to 0.5 of a digit height wide
 * @param maxGap pieces further apart than this along the row are never one digit
 * @param segmentBonus added per digit read, against the bias of a product of probabilities for
 *     fewer, larger pieces
 * @param cutCost charged for each cut through a stroke that the reading keeps
 * @param crossCost charged per pen width of ink on each cut that the reading keeps
 * @param joinCost charged for each extra stroke a digit is made of
 * @param skipCost charged for reading a small piece as a stray mark rather than part of a digit
 * @param tallJoinCost charged, besides, for each extra stroke a digit tall that a digit is made of
 * @param wideWeight weight of the width-to-height prior where a digit is wider than is usual for it
 * @param narrowWeight its weight where a digit is narrower: a narrow 7 is common, half a digit less
 *     so
 * @param shortCost cost of a digit as short as nothing, falling to 0 at {@link ShapePrior#SHORT}
 * @param wholeConfidence a wide stroke the model reads with at least this confidence ...
 * @param wholeWidth ... and at most this many standard deviations wider than that digit usually is
 *     is left uncut ({@link WholeStrokes})
 */
record Tuning(
    double threshold,
    double cutFrom,
    double maxGap,
    double segmentBonus,
    double cutCost,
    double crossCost,
    double joinCost,
    double tallJoinCost,
    double skipCost,
    double wideWeight,
    double narrowWeight,
    double shortCost,
    double wholeConfidence,
    double wholeWidth) {
  static final Tuning DEFAULT =
      new Tuning(0.3, 0.3, 0.15, 0.0, 1.0, 1.0, 1.0, 2.0, 4.0, 1.0, 0.3, 10.0, 0.99, 1.0);

  /**
   * The defaults, each overridable by a system property {@code reading.<name>}, for measurements.
   */
  static Tuning fromSystemProperties() {
    Tuning d = DEFAULT;
    return new Tuning(
        get("threshold", d.threshold),
        get("cutFrom", d.cutFrom),
        get("maxGap", d.maxGap),
        get("segmentBonus", d.segmentBonus),
        get("cutCost", d.cutCost),
        get("crossCost", d.crossCost),
        get("joinCost", d.joinCost),
        get("tallJoinCost", d.tallJoinCost),
        get("skipCost", d.skipCost),
        get("wideWeight", d.wideWeight),
        get("narrowWeight", d.narrowWeight),
        get("shortCost", d.shortCost),
        get("wholeConfidence", d.wholeConfidence),
        get("wholeWidth", d.wholeWidth));
  }

  private static double get(String name, double fallback) {
    String v = System.getProperty("reading." + name);
    return v == null ? fallback : Double.parseDouble(v);
  }

  ShapePrior shapePrior() {
    return new ShapePrior(wideWeight, narrowWeight, shortCost);
  }
}
