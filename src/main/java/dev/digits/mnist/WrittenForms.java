package dev.digits.mnist;

import dev.digits.model.DigitClassifier;
import java.util.Arrays;
import java.util.Random;

/**
 * What MNIST's American writers rarely give a model: the continental-European forms of 1 (a long
 * flag), 7 (a crossbar), 4 (a bar running past the stem) and 9 (a tail curving to the left), drawn
 * on a 28x28 digit with a stroke of its own width where the form has one; and the blur and coarse
 * pixels of a low-resolution scan. Training sees them so that people who write that way are read.
 * The robustness set's forms are drawn differently (on the 280-pixel canvas, along the digit's
 * skeleton), so that its figures do not measure this class's own strokes.
 */
public final class WrittenForms {
  private static final int SIDE = DigitClassifier.SIDE;

  /**
   * How often each is drawn: {@code european}, of the 1s, 4s, 7s and 9s; {@code lowResolution}, of
   * all digits.
   */
  public record Settings(float european, float lowResolution) {
    public static final Settings NONE = new Settings(0, 0);
  }

  private final Settings s;

  public WrittenForms(Settings settings) {
    this.s = settings;
  }

  /** {@code image} (28x28, ink 0..1) of a {@code label}, perhaps in another form; not changed. */
  public float[] apply(float[] image, int label, Random r) {
    float[] out = image;
    if (s.european() > 0 && hasEuropeanForm(label) && r.nextFloat() < s.european()) {
      out = european(out, label, r);
    }
    if (s.lowResolution() > 0 && r.nextFloat() < s.lowResolution()) {
      out = lowResolution(out, 8 + r.nextInt(9));
    }
    return out;
  }

  static boolean hasEuropeanForm(int label) {
    return label == 1 || label == 4 || label == 7 || label == 9;
  }

  /** The digit with its European stroke added; as it is when it has too little ink to place one. */
  static float[] european(float[] image, int label, Random r) {
    Ink ink = Ink.of(image);
    if (ink == null) {
      return image;
    }
    double h = ink.bottom - ink.top;
    double[][] stroke =
        switch (label) {
          case 1 -> {
            // From the top, down and to the left of the stem.
            double[] d = unit(ink.bottomX - ink.topX, ink.bottom - ink.top);
            double a = Math.toRadians(30 + 25 * r.nextDouble());
            double length = (0.25 + 0.25 * r.nextDouble()) * h;
            double fx = d[0] * Math.cos(a) - d[1] * Math.sin(a);
            double fy = d[0] * Math.sin(a) + d[1] * Math.cos(a);
            yield new double[][] {
              {ink.topX, ink.top}, {ink.topX + length * fx, ink.top + length * fy}
            };
          }
          case 7 -> {
            // Across the stem, near its middle.
            double y = ink.top + (0.45 + 0.15 * r.nextDouble()) * h;
            double x = ink.meanX((int) Math.round(y));
            double half = (0.12 + 0.12 * r.nextDouble()) * h;
            double tilt = (r.nextDouble() - 0.5) * 0.1 * h;
            yield new double[][] {{x - half, y + tilt}, {x + half, y - tilt}};
          }
          case 4 -> {
            // On from the bar's right end.
            int y = ink.widestRow(ink.top + 0.35 * h, ink.top + 0.8 * h);
            double x = ink.right(y);
            yield new double[][] {{x, y}, {x + (0.1 + 0.15 * r.nextDouble()) * h, y}};
          }
          case 9 -> {
            // From the stem's end, curving down and back to the left.
            double wide = (0.12 + 0.14 * r.nextDouble()) * h;
            double deep = (0.05 + 0.08 * r.nextDouble()) * h;
            double sweep = Math.toRadians(110 + 60 * r.nextDouble());
            double[][] tail = new double[8][];
            for (int k = 0; k < tail.length; k++) {
              double t = sweep * k / (tail.length - 1);
              tail[k] =
                  new double[] {
                    ink.bottomX - wide * (1 - Math.cos(t)), ink.bottom + deep * Math.sin(t)
                  };
            }
            yield tail;
          }
          default -> throw new IllegalArgumentException("no European form of " + label);
        };
    return drawn(image, stroke, ink.penWidth);
  }

  /** The digit scanned at {@code pixels} x {@code pixels}, then enlarged again and softened. */
  static float[] lowResolution(float[] image, int pixels) {
    float[] small = new float[pixels * pixels];
    float cell = SIDE / (float) pixels;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int c =
            Math.min(pixels - 1, (int) (y / cell)) * pixels
                + Math.min(pixels - 1, (int) (x / cell));
        small[c] += image[y * SIDE + x] / (cell * cell);
      }
    }
    float[] out = new float[SIDE * SIDE];
    float most = 0;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double sx = Math.max(0, Math.min(pixels - 1, (x + 0.5) / cell - 0.5));
        double sy = Math.max(0, Math.min(pixels - 1, (y + 0.5) / cell - 0.5));
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(pixels - 1, x0 + 1);
        int y1 = Math.min(pixels - 1, y0 + 1);
        double fx = sx - x0;
        double fy = sy - y0;
        float v =
            (float)
                ((1 - fy) * ((1 - fx) * small[y0 * pixels + x0] + fx * small[y0 * pixels + x1])
                    + fy * ((1 - fx) * small[y1 * pixels + x0] + fx * small[y1 * pixels + x1]));
        out[y * SIDE + x] = v;
        most = Math.max(most, v);
      }
    }
    if (most > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.min(1f, out[i] / most); // a scanner's contrast: the darkest is black
      }
    }
    return out;
  }

  /** {@code image} with a polyline drawn on it, {@code width} pixels wide, edges anti-aliased. */
  private static float[] drawn(float[] image, double[][] line, double width) {
    float[] out = image.clone();
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double d = Double.MAX_VALUE;
        for (int k = 0; k + 1 < line.length; k++) {
          d = Math.min(d, distanceToSegment(x, y, line[k], line[k + 1]));
        }
        float v = (float) Math.max(0, Math.min(1, width / 2 + 0.5 - d));
        out[y * SIDE + x] = Math.max(out[y * SIDE + x], v);
      }
    }
    return out;
  }

  private static double distanceToSegment(double x, double y, double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len));
    return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
  }

  private static double[] unit(double x, double y) {
    double n = Math.max(1e-9, Math.hypot(x, y));
    return new double[] {x / n, y / n};
  }

  /** Where a digit's ink is (pixels above one half) and how wide its pen is. */
  private record Ink(
      boolean[] on, int top, int bottom, double topX, double bottomX, double penWidth) {
    static final float INKED = 0.5f;

    static Ink of(float[] image) {
      boolean[] on = new boolean[image.length];
      int top = -1;
      int bottom = -1;
      int[] runs = new int[image.length];
      int runCount = 0;
      for (int y = 0; y < SIDE; y++) {
        int run = 0;
        for (int x = 0; x <= SIDE; x++) {
          boolean inked = x < SIDE && image[y * SIDE + x] > INKED;
          if (inked) {
            on[y * SIDE + x] = true;
            run++;
            top = top < 0 ? y : top;
            bottom = y;
          } else if (run > 0) {
            runs[runCount++] = run;
            run = 0;
          }
        }
      }
      if (top < 0 || bottom - top < 4) {
        return null;
      }
      Arrays.sort(runs, 0, runCount);
      double pen = Math.max(1.5, runs[runCount / 2]); // most rows cross a stroke, not along one
      Ink partial = new Ink(on, top, bottom, 0, 0, pen);
      return new Ink(on, top, bottom, partial.meanX(top), partial.meanX(bottom), pen);
    }

    double meanX(int y) {
      double sum = 0;
      int n = 0;
      for (int x = 0; x < SIDE; x++) {
        if (on[y * SIDE + x]) {
          sum += x;
          n++;
        }
      }
      return n == 0 ? SIDE / 2.0 : sum / n;
    }

    double right(int y) {
      for (int x = SIDE - 1; x >= 0; x--) {
        if (on[y * SIDE + x]) {
          return x;
        }
      }
      return SIDE / 2.0;
    }

    int widestRow(double from, double to) {
      int best = (int) from;
      int widest = -1;
      for (int y = (int) from; y <= Math.min(SIDE - 1, to); y++) {
        int l = SIDE;
        int r = -1;
        for (int x = 0; x < SIDE; x++) {
          if (on[y * SIDE + x]) {
            l = Math.min(l, x);
            r = Math.max(r, x);
          }
        }
        if (r - l > widest) {
          widest = r - l;
          best = y;
        }
      }
      return best;
    }
  }
}
