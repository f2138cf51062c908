package dev.digits.reading;

import dev.digits.model.Prediction;

/**
 * What the reader knows of a candidate digit when it judges whether the candidate is one whole
 * digit: the model's confidence, the shape against that digit's usual shape, its size in the row,
 * the strokes it joins and the cuts it keeps or leaves. Sizes and shapes come as hinges (how far
 * past a knot), so that {@link SegmentScore}'s linear weights can say "too narrow" and "too wide"
 * at once.
 */
final class SegmentFeatures {
  static final String[] NAMES = {
    "bias",
    "log p",
    "-log(1-p)",
    "p > 0.9999",
    "is a 1",
    "z > 0",
    "z > 1",
    "z > 2",
    "z < 0",
    "z < -1",
    "z < -2",
    "width/H",
    "width/H > 0.6",
    "width/H > 0.9",
    "width/H > 1.2",
    "width/H > 1.5",
    "height/H",
    "short",
    "extra strokes",
    "extra tall strokes",
    "open cuts",
    "open ink",
    "inner cuts",
    "cheapest inner cut",
    "gap/H",
    "stray",
    "stray size"
  };

  private SegmentFeatures() {}

  static double[] of(Candidate c, Prediction p, double digitHeight, int gap) {
    double z = ShapePrior.aspectZ(p.digit(), c.piece().width(), c.piece().height());
    double width = c.piece().width() / digitHeight;
    double height = c.piece().height() / digitHeight;
    return new double[] {
      1,
      Math.log(Math.max(p.confidence(), 1e-6)),
      Math.min(10, -Math.log(Math.max(1e-10, 1 - p.confidence()))),
      p.confidence() > 0.9999 ? 1 : 0,
      p.digit() == 1 ? 1 : 0,
      Math.max(0, z),
      Math.max(0, z - 1),
      Math.max(0, z - 2),
      Math.max(0, -z),
      Math.max(0, -z - 1),
      Math.max(0, -z - 2),
      width,
      Math.max(0, width - 0.6),
      Math.max(0, width - 0.9),
      Math.max(0, width - 1.2),
      Math.max(0, width - 1.5),
      height,
      Math.max(0, ShapePrior.SHORT - height),
      c.strokes() - 1,
      Math.max(0, c.tallStrokes() - 1),
      c.openCuts(),
      c.openInk(),
      c.innerCuts(),
      c.innerInk(),
      gap / digitHeight,
      0,
      0
    };
  }

  /** The features of passing a small piece over as a stray mark rather than reading it. */
  static double[] stray(Piece p, double digitHeight) {
    double[] f = new double[NAMES.length];
    f[NAMES.length - 2] = 1;
    f[NAMES.length - 1] = Math.max(p.width(), p.height()) / digitHeight;
    return f;
  }
}
