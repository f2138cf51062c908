package dev.digits.image;

import dev.digits.model.DigitClassifier;

/**
 * Normalises ink the way MNIST was made: crop to the ink, scale it to fit a 20x20 box keeping its
 * aspect ratio, and place it in 28x28 so its centre of mass is at the centre. Scaling and placing
 * are one anti-aliased resampling (shrinking averages the area each pixel covers, see {@link
 * Resampler}), so a digit drawn small, large or off-centre comes out alike. A digit already 20
 * pixels across needs no scaling, and is moved by whole pixels, as MNIST moved its digits: a
 * fraction of a pixel would resample (blur) it for nothing. So a digit framed as MNIST frames its
 * digits comes out exactly as it went in.
 */
public final class MnistFraming {
  private static final int SIDE = DigitClassifier.SIDE;
  static final int BOX = 20;

  /**
   * MNIST's mean centre of mass is the middle of pixel (14, 14), measured over its test set: 14.5.
   */
  static final double MNIST_CENTRE = 14.5;

  /**
   * Where MNIST's centres of mass lie along either axis, pixel i spanning i..i+1: measured over its
   * 60,000 training digits, x 13.895..15.068 and y 13.851..15.114. A centre inside the band is
   * where MNIST would have left it.
   */
  static final double CENTRE_LOW = 13.85;

  static final double CENTRE_HIGH = 15.12;

  /** Ink below this share of the strongest counts as stray when finding the digit's bounds. */
  static final float BOUNDS_THRESHOLD = 0.2f;

  private MnistFraming() {}

  /** The 784 values (row-major, 0..1) a model reads. */
  public static float[] toMnist(InkImage img) {
    int[] box = bounds(img);
    int bw = box[2] - box[0] + 1;
    int bh = box[3] - box[1] + 1;
    double scale = (double) BOX / Math.max(bw, bh);
    double[] com = centreOfMass(img, box);
    // Output coordinate = source * scale + offset, the offset placing the centre of mass.
    double offX = offset(com[0], scale);
    double offY = offset(com[1], scale);
    Resampler.Axis cols = Resampler.axis(SIDE, img.width(), scale, offX);
    Resampler.Axis rows = Resampler.axis(SIDE, img.height(), scale, offY);
    float[] out = Resampler.resample(img, cols, rows, SIDE);
    float max = 0f;
    for (float v : out) {
      max = Math.max(max, v);
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.min(1f, out[i] / max); // the strongest stroke is full ink, as in MNIST
    }
    return out;
  }

  /**
   * Where source coordinate 0 lands, for a centre of mass at {@code com} scaled by {@code scale}.
   */
  static double offset(double com, double scale) {
    return scale == 1 ? shiftIntoBand(com) : MNIST_CENTRE - com * scale;
  }

  /**
   * The smallest whole-pixel move that puts {@code centre} inside MNIST's band (which is wider than
   * a pixel, so one always does).
   */
  static int shiftIntoBand(double centre) {
    if (centre < CENTRE_LOW) {
      return (int) Math.ceil(CENTRE_LOW - centre);
    }
    if (centre > CENTRE_HIGH) {
      return (int) Math.floor(CENTRE_HIGH - centre);
    }
    return 0;
  }

  /** {minX, minY, maxX, maxY} of the ink above the threshold. */
  static int[] bounds(InkImage img) {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < img.height(); y++) {
      int first = img.firstAbove(y, BOUNDS_THRESHOLD);
      if (first == img.width()) {
        continue;
      }
      minX = Math.min(minX, first);
      maxX = Math.max(maxX, img.lastAbove(y, BOUNDS_THRESHOLD));
      minY = Math.min(minY, y);
      maxY = y;
    }
    if (maxX < 0) {
      throw new NoDigitException("no digit found: the picture has no clear strokes");
    }
    return new int[] {minX, minY, maxX, maxY};
  }

  /**
   * The ink-weighted centre inside the box, in continuous coordinates (pixel i spans i..i+1). Each
   * row is summed in four interleaved parts, so that four additions are under way at a time instead
   * of one waiting on the last (a double add takes several cycles to finish).
   */
  static double[] centreOfMass(InkImage img, int[] box) {
    float[] ink = img.ink();
    double sum = 0;
    double sx = 0;
    double sy = 0;
    for (int y = box[1]; y <= box[3]; y++) {
      int from = Math.max(box[0], img.firstAbove(y, 0f));
      int to = Math.min(box[2], img.lastAbove(y, 0f));
      double[] row = rowMoments(ink, y * img.width(), from, to);
      sum += row[0];
      sx += row[1];
      sy += row[0] * (y + 0.5);
    }
    return new double[] {sx / sum, sy / sum};
  }

  /** {sum of v, sum of v * (x + 0.5)} over x = from..to of the row starting at {@code row}. */
  private static double[] rowMoments(float[] ink, int row, int from, int to) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    int x = from;
    for (; x + 3 <= to; x += 4) {
      double v0 = ink[row + x];
      double v1 = ink[row + x + 1];
      double v2 = ink[row + x + 2];
      double v3 = ink[row + x + 3];
      s0 += v0;
      s1 += v1;
      s2 += v2;
      s3 += v3;
      m0 += v0 * (x + 0.5);
      m1 += v1 * (x + 1.5);
      m2 += v2 * (x + 2.5);
      m3 += v3 * (x + 3.5);
    }
    for (; x <= to; x++) {
      double v = ink[row + x];
      s0 += v;
      m0 += v * (x + 0.5);
    }
    return new double[] {(s0 + s1) + (s2 + s3), (m0 + m1) + (m2 + m3)};
  }
}
