package dev.digits.image;

/**
 * Normalises ink the way MNIST was made: crop to the ink, scale it to fit a 20x20 box keeping its
 * aspect ratio, and place it in 28x28 so its centre of mass is at the centre. Scaling and placing
 * are one anti-aliased resampling (a triangle filter as wide as the scale step), so a digit drawn
 * small, large or off-centre comes out alike.
 */
public final class MnistFraming {
  public static final int SIDE = 28;
  static final int BOX = 20;
  /** MNIST's mean centre of mass is the middle of pixel (14, 14), measured over its test set: 14.5. */
  static final double MNIST_CENTRE = 14.5;
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
    // Output coordinate = (source - centre of mass) * scale + where MNIST puts the centre of mass.
    double offX = MNIST_CENTRE - com[0] * scale;
    double offY = MNIST_CENTRE - com[1] * scale;
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

  /** The ink-weighted centre inside the box, in continuous coordinates (pixel i spans i..i+1). */
  static double[] centreOfMass(InkImage img, int[] box) {
    double sum = 0;
    double sx = 0;
    double sy = 0;
    for (int y = box[1]; y <= box[3]; y++) {
      for (int x = Math.max(box[0], img.firstAbove(y, 0f)), to = Math.min(box[2], img.lastAbove(y, 0f)); x <= to; x++) {
        float v = img.ink()[y * img.width() + x];
        if (v == 0f) {
          continue; // adds nothing to any sum
        }
        sum += v;
        sx += v * (x + 0.5);
        sy += v * (y + 0.5);
      }
    }
    return new double[] {sx / sum, sy / sum};
  }
}
