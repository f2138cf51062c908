package dev.digits.mnist;

import dev.digits.model.DigitClassifier;
import java.util.Random;

/**
 * Random distortions of a 28x28 digit that keep its label: a small affine warp (rotation, scale,
 * shear, shift), a smooth elastic warp (after Simard et al., 2003) and a change of stroke weight,
 * so the models see digits as varied as people draw them.
 */
public final class Augmenter {
  private static final int SIDE = DigitClassifier.SIDE;
  private static final float CENTRE = (SIDE - 1) / 2f;
  private static final int GRID = 5; // elastic control points per side; bilinear between them

  /** How strong each distortion may be; zeros switch a distortion off. */
  public record Settings(
      float maxRotationDegrees,
      float maxScaleChange,
      float maxShear,
      float maxShift,
      float elasticPixels,
      float strokeChangeProbability) {
    public static final Settings NONE = new Settings(0, 0, 0, 0, 0, 0);
  }

  private final Settings s;

  public Augmenter(Settings settings) {
    this.s = settings;
  }

  /** A distorted copy of {@code image}; the input is not changed. */
  public float[] augment(float[] image, Random r) {
    if (s.equals(Settings.NONE)) {
      return image;
    }
    float[] out = warp(image, r);
    if (r.nextFloat() < s.strokeChangeProbability()) {
      out = changeStroke(out, r.nextBoolean(), 0.3f + 0.7f * r.nextFloat());
    }
    return out;
  }

  private float[] warp(float[] image, Random r) {
    double angle = Math.toRadians(sym(r, s.maxRotationDegrees()));
    double scale = 1 + sym(r, s.maxScaleChange());
    double aspect = 1 + sym(r, s.maxScaleChange() / 2);
    double shear = sym(r, s.maxShear());
    // Forward map M = R(angle) * Shear(shear) * Scale(scale*aspect, scale/aspect); we sample
    // through its inverse.
    double sx = scale * aspect;
    double sy = scale / aspect;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double m00 = cos * sx;
    double m01 = (cos * shear - sin) * sy;
    double m10 = sin * sx;
    double m11 = (sin * shear + cos) * sy;
    double det = m00 * m11 - m01 * m10;
    double i00 = m11 / det;
    double i01 = -m01 / det;
    double i10 = -m10 / det;
    double i11 = m00 / det;
    double tx = sym(r, s.maxShift());
    double ty = sym(r, s.maxShift());
    float[] gx = elasticGrid(r);
    float[] gy = elasticGrid(r);
    float[] out = new float[image.length];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double px = x - CENTRE - tx;
        double py = y - CENTRE - ty;
        double srcX = i00 * px + i01 * py + CENTRE + gridAt(gx, x, y);
        double srcY = i10 * px + i11 * py + CENTRE + gridAt(gy, x, y);
        out[y * SIDE + x] = bilinear(image, srcX, srcY);
      }
    }
    return out;
  }

  private float[] elasticGrid(Random r) {
    float[] g = new float[GRID * GRID];
    for (int i = 0; i < g.length; i++) {
      g[i] = (float) (r.nextGaussian() * s.elasticPixels());
    }
    return g;
  }

  private static float gridAt(float[] g, int x, int y) {
    float gx = x * (GRID - 1) / (float) (SIDE - 1);
    float gy = y * (GRID - 1) / (float) (SIDE - 1);
    int x0 = Math.min((int) gx, GRID - 2);
    int y0 = Math.min((int) gy, GRID - 2);
    float fx = gx - x0;
    float fy = gy - y0;
    float top = g[y0 * GRID + x0] * (1 - fx) + g[y0 * GRID + x0 + 1] * fx;
    float bottom = g[(y0 + 1) * GRID + x0] * (1 - fx) + g[(y0 + 1) * GRID + x0 + 1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  private static float bilinear(float[] img, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = (float) (x - x0);
    float fy = (float) (y - y0);
    return (1 - fy) * ((1 - fx) * at(img, x0, y0) + fx * at(img, x0 + 1, y0))
        + fy * ((1 - fx) * at(img, x0, y0 + 1) + fx * at(img, x0 + 1, y0 + 1));
  }

  private static float at(float[] img, int x, int y) {
    return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : img[y * SIDE + x];
  }

  /**
   * Thickens (max over the 4-neighbourhood) or thins (min) the strokes, blended in by {@code
   * amount}.
   */
  static float[] changeStroke(float[] img, boolean thicker, float amount) {
    float[] out = new float[img.length];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        float v = img[y * SIDE + x];
        float n =
            thicker
                ? Math.max(
                    Math.max(at(img, x - 1, y), at(img, x + 1, y)),
                    Math.max(at(img, x, y - 1), at(img, x, y + 1)))
                : Math.min(
                    Math.min(at(img, x - 1, y), at(img, x + 1, y)),
                    Math.min(at(img, x, y - 1), at(img, x, y + 1)));
        float m = thicker ? Math.max(v, n) : Math.min(v, n);
        out[y * SIDE + x] = v + amount * (m - v);
      }
    }
    return out;
  }

  private static double sym(Random r, double max) {
    return (2 * r.nextDouble() - 1) * max;
  }
}
