package dev.digits.mnist;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Digits as people write them, made of MNIST <b>test</b> digits (never training digits): the
 * robustness set. Each condition changes one thing about the old app's canvas (280x280, black on
 * white): the pen, the angle, the size, the scan, the paper and light of a photo, or the form of
 * the digit itself (the continental-European 1, 4, 7 and 9, synthesised along the digit's own
 * strokes). Every condition but the European forms uses the same test digits, so each compares with
 * {@link Condition#PLAIN} digit for digit. The same condition and index give the same picture.
 */
public final class WrittenDigits {
  static final int CANVAS = 280;

  /** What is changed, and how many test digits the condition uses. */
  public enum Condition {
    PLAIN("the old app's canvas: 280x280, black on white"),
    PEN_3("drawn again along its own strokes with a round pen 3 px wide"),
    PEN_8("with a pen 8 px wide"),
    PEN_15("with a pen 15 px wide"),
    PEN_25("with a pen 25 px wide"),
    PEN_40("with a pen 40 px wide"),
    TILT("turned 10 to 20 degrees either way"),
    SLANT("sheared by 0.2 to 0.35 either way: written slanted"),
    TINY("15 px tall, anywhere on the canvas"),
    FILLING("filling the canvas edge to edge"),
    SCAN_16("scanned at 16x16, then enlarged and blurred"),
    SCAN_10("scanned at 10x10, then enlarged and blurred"),
    JPEG("the canvas as a JPEG of quality 0.1"),
    LIGHT("a photo lit from one side: the paper fades to dark grey"),
    SHADOW("a photo with a hard shadow across part of the digit"),
    PENCIL("a photo of a pencil's grey, textured stroke"),
    RULED("a photo of ruled notebook paper"),
    SQUARED("a photo of squared paper"),
    EURO_1("a 1 with a long flag"),
    EURO_4("a 4 whose bar runs on past the stem"),
    EURO_7("a 7 with a crossbar"),
    EURO_9("a 9 whose stem ends in a curved tail");

    private final String description;

    Condition(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    /** The digit a European form is of; -1 for the conditions that take every digit. */
    public int form() {
      return name().startsWith("EURO_") ? name().charAt(5) - '0' : -1;
    }

    boolean photo() {
      return this == JPEG || ordinal() >= LIGHT.ordinal() && ordinal() <= SQUARED.ordinal();
    }
  }

  /** A picture of one test digit, as a client sends it. */
  public record Sample(int label, byte[] bytes, String contentType, BufferedImage picture) {}

  private final MnistDataset test;

  public WrittenDigits(MnistDataset test) {
    this.test = test;
  }

  /**
   * The test digits a condition uses, {@code count} of them: every tenth from the start of the set,
   * or for a European form the first of its digit.
   */
  public int[] digits(Condition condition, int count) {
    int[] out = new int[count];
    int n = 0;
    for (int i = 0; i < test.size() && n < count; i++) {
      boolean take =
          condition.form() < 0
              ? i % (test.size() / count) == 0
              : test.labels()[i] == condition.form();
      if (take) {
        out[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  public Sample sample(Condition condition, int index) {
    float[] mnist = test.images()[index];
    Random random = new Random(31L * condition.ordinal() + index);
    BufferedImage picture =
        switch (condition) {
          case PLAIN -> CanvasRenderer.render(mnist, CanvasRenderer.Style.oldCanvas());
          case JPEG -> transformed(mnist, new AffineTransform()); // opaque, as JPEG needs
          case PEN_3 -> blackOnWhite(Strokes.of(mnist, CANVAS).ink(3));
          case PEN_8 -> blackOnWhite(Strokes.of(mnist, CANVAS).ink(8));
          case PEN_15 -> blackOnWhite(Strokes.of(mnist, CANVAS).ink(15));
          case PEN_25 -> blackOnWhite(Strokes.of(mnist, CANVAS).ink(25));
          case PEN_40 -> blackOnWhite(Strokes.of(mnist, CANVAS).ink(40));
          case TILT -> transformed(mnist, rotation(random));
          case SLANT -> transformed(mnist, shear(random));
          case TINY -> resized(mnist, 15, random);
          case FILLING -> resized(mnist, CANVAS - 4, random);
          case SCAN_16 -> scanned(mnist, 16);
          case SCAN_10 -> scanned(mnist, 10);
          case LIGHT, SHADOW, PENCIL, RULED, SQUARED -> Photo.of(condition, inkOf(mnist), random);
          case EURO_1, EURO_4, EURO_7, EURO_9 -> blackOnWhite(european(mnist, condition.form()));
        };
    if (condition.photo()) {
      float quality = condition == Condition.JPEG ? 0.1f : 0.6f;
      return new Sample(
          test.labels()[index], WrittenNumbers.jpeg(picture, quality), "image/jpeg", picture);
    }
    return new Sample(test.labels()[index], CanvasRenderer.png(picture), "image/png", picture);
  }

  private static AffineTransform rotation(Random random) {
    double degrees = (10 + 10 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
    return AffineTransform.getRotateInstance(Math.toRadians(degrees), CANVAS / 2.0, CANVAS / 2.0);
  }

  private static AffineTransform shear(Random random) {
    double k = (0.2 + 0.15 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
    AffineTransform t = AffineTransform.getTranslateInstance(CANVAS / 2.0, CANVAS / 2.0);
    t.shear(k, 0);
    t.translate(-CANVAS / 2.0, -CANVAS / 2.0);
    return t;
  }

  private static BufferedImage transformed(float[] mnist, AffineTransform t) {
    BufferedImage digit = CanvasRenderer.render(mnist, CanvasRenderer.Style.oldCanvas());
    BufferedImage out = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, CANVAS, CANVAS);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(digit, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The digit's ink box scaled so that its taller side is {@code side}, placed at random. */
  private static BufferedImage resized(float[] mnist, int side, Random random) {
    int[] box = inkBox(mnist);
    double scale = side / (double) Math.max(box[2], box[3]);
    int square = (int) Math.round(28 * scale);
    int w = (int) Math.round(box[2] * scale);
    int h = (int) Math.round(box[3] * scale);
    int left = random.nextInt(Math.max(1, CANVAS - w - 1));
    int top = random.nextInt(Math.max(1, CANVAS - h - 1));
    int x = left - (int) Math.round(box[0] * scale);
    int y = top - (int) Math.round(box[1] * scale);
    return CanvasRenderer.render(
        mnist, new CanvasRenderer.Style(CANVAS, x, y, square, Color.BLACK, Color.WHITE));
  }

  /** Reduced to {@code side} x {@code side} by area averaging, enlarged back, blurred. */
  private static BufferedImage scanned(float[] mnist, int side) {
    float[] small = new float[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double sum = 0;
        int n = 0;
        for (int sy = y * 28 / side; sy < (y + 1) * 28 / side; sy++) {
          for (int sx = x * 28 / side; sx < (x + 1) * 28 / side; sx++) {
            sum += mnist[sy * 28 + sx];
            n++;
          }
        }
        small[y * side + x] = (float) (sum / Math.max(1, n));
      }
    }
    float[] big = new float[CANVAS * CANVAS];
    double scale = CANVAS / (double) side;
    for (int y = 0; y < CANVAS; y++) {
      for (int x = 0; x < CANVAS; x++) {
        big[y * CANVAS + x] =
            Strokes.bilinear(small, side, (x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5);
      }
    }
    return blackOnWhite(boxBlur(big, 6));
  }

  /** The old canvas's ink (0..1) without drawing it. */
  private static float[] inkOf(float[] mnist) {
    float[] out = new float[CANVAS * CANVAS];
    double scale = CANVAS / 28.0;
    for (int y = 0; y < CANVAS; y++) {
      for (int x = 0; x < CANVAS; x++) {
        out[y * CANVAS + x] =
            Strokes.bilinear(mnist, 28, (x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5);
      }
    }
    return out;
  }

  /**
   * The European form of a 1, 4, 7 or 9, drawn with the digit's own pen: a stroke added where that
   * form has one, placed by the digit's skeleton.
   */
  private static float[] european(float[] mnist, int digit) {
    Strokes s = Strokes.of(mnist, CANVAS);
    List<int[]> p = s.points();
    int[] top = p.get(0);
    int[] bottom = p.get(0);
    int left = CANVAS;
    int right = 0;
    for (int[] q : p) {
      top = q[1] < top[1] ? q : top;
      bottom = q[1] > bottom[1] ? q : bottom;
      left = Math.min(left, q[0]);
      right = Math.max(right, q[0]);
    }
    double h = bottom[1] - top[1];
    Strokes added =
        switch (digit) {
          case 1 -> {
            // A flag from the top, down and to the left of the stem, near half its height long.
            double[] d = unit(bottom[0] - top[0], bottom[1] - top[1]);
            double a = Math.toRadians(40);
            double[] f = {
              d[0] * Math.cos(a) - d[1] * Math.sin(a), d[0] * Math.sin(a) + d[1] * Math.cos(a)
            };
            yield s.with(
                new double[] {top[0], top[1]},
                new double[] {top[0] + 0.45 * h * f[0], top[1] + 0.45 * h * f[1]});
          }
          case 7 -> {
            // A crossbar across the stem, a little above its middle.
            int y = (int) Math.round(top[1] + 0.5 * h);
            double x = meanX(p, y);
            yield s.with(new double[] {x - 0.2 * h, y}, new double[] {x + 0.2 * h, y - 0.02 * h});
          }
          case 4 -> {
            // The bar runs on past the stem: from its right end, a fifth of the height further.
            int barY = widestRow(p, top[1] + 0.35 * h, top[1] + 0.8 * h);
            int barRight = 0;
            for (int[] q : p) {
              if (Math.abs(q[1] - barY) <= 1) {
                barRight = Math.max(barRight, q[0]);
              }
            }
            yield s.with(new double[] {barRight, barY}, new double[] {barRight + 0.2 * h, barY});
          }
          case 9 -> {
            // The stem's end turns into a tail curving down and back to the left, as a hook.
            double[][] tail = new double[12][];
            for (int k = 0; k < tail.length; k++) {
              double t = Math.toRadians(150.0 * k / (tail.length - 1));
              tail[k] =
                  new double[] {
                    bottom[0] - 0.2 * h * (1 - Math.cos(t)), bottom[1] + 0.1 * h * Math.sin(t)
                  };
            }
            yield s.with(tail);
          }
          default -> throw new IllegalArgumentException("no European form of " + digit);
        };
    return added.ink(s.penWidth());
  }

  private static double[] unit(double x, double y) {
    double n = Math.max(1e-9, Math.hypot(x, y));
    return new double[] {x / n, y / n};
  }

  private static double meanX(List<int[]> points, int y) {
    double sum = 0;
    int n = 0;
    for (int[] q : points) {
      if (Math.abs(q[1] - y) <= 2) {
        sum += q[0];
        n++;
      }
    }
    return n == 0 ? CANVAS / 2.0 : sum / n;
  }

  /** The row between {@code from} and {@code to} where the skeleton spans the widest. */
  private static int widestRow(List<int[]> points, double from, double to) {
    int best = (int) from;
    int widest = -1;
    for (int y = (int) from; y <= to; y++) {
      int l = CANVAS;
      int r = -1;
      for (int[] q : points) {
        if (q[1] == y) {
          l = Math.min(l, q[0]);
          r = Math.max(r, q[0]);
        }
      }
      if (r - l > widest) {
        widest = r - l;
        best = y;
      }
    }
    return best;
  }

  /** Where a 28x28 digit's ink is (above 0.1): x, y, width, height. */
  static int[] inkBox(float[] mnist) {
    int x0 = 28;
    int y0 = 28;
    int x1 = -1;
    int y1 = -1;
    for (int i = 0; i < 784; i++) {
      if (mnist[i] > 0.1f) {
        x0 = Math.min(x0, i % 28);
        x1 = Math.max(x1, i % 28);
        y0 = Math.min(y0, i / 28);
        y1 = Math.max(y1, i / 28);
      }
    }
    return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
  }

  static BufferedImage blackOnWhite(float[] ink) {
    BufferedImage img = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < ink.length; i++) {
      int v = 255 - Math.round(Math.min(1f, ink[i]) * 255);
      img.setRGB(i % CANVAS, i / CANVAS, v << 16 | v << 8 | v);
    }
    return img;
  }

  private static float[] boxBlur(float[] in, int radius) {
    float[] out = new float[in.length];
    for (int y = 0; y < CANVAS; y++) {
      for (int x = 0; x < CANVAS; x++) {
        double sum = 0;
        int n = 0;
        for (int dy = -radius; dy <= radius; dy++) {
          for (int dx = -radius; dx <= radius; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < CANVAS && yy < CANVAS) {
              sum += in[yy * CANVAS + xx];
              n++;
            }
          }
        }
        out[y * CANVAS + x] = (float) (sum / n);
      }
    }
    return out;
  }

  /** Paper, light and ink as a phone's camera sees them. */
  private static final class Photo {
    static BufferedImage of(Condition condition, float[] ink, Random random) {
      BufferedImage img = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
      int[] paper = {235 + random.nextInt(20), 230 + random.nextInt(20), 215 + random.nextInt(30)};
      boolean pencil = condition == Condition.PENCIL;
      double[] pen =
          pencil ? new double[] {95, 95, 100} : new double[] {25, 30, 90 + random.nextInt(60)};
      double angle = random.nextDouble() * 2 * Math.PI;
      double[] light = {Math.cos(angle), Math.sin(angle)};
      // A shadow's edge: a straight line through the canvas, the digit partly under it.
      double edgeAngle = random.nextDouble() * Math.PI;
      double edgeOffset = (random.nextDouble() - 0.5) * 0.3 * CANVAS;
      int spacing = condition == Condition.RULED ? 24 + random.nextInt(10) : 18 + random.nextInt(8);
      int phase = random.nextInt(spacing);
      for (int y = 0; y < CANVAS; y++) {
        for (int x = 0; x < CANVAS; x++) {
          double cx = x - CANVAS / 2.0;
          double cy = y - CANVAS / 2.0;
          double lit = 1;
          if (condition == Condition.LIGHT) {
            // From full light on one side to about half on the other.
            lit = 0.75 + 0.25 * (cx * light[0] + cy * light[1]) / (CANVAS / 2.0);
          } else if (condition == Condition.SHADOW) {
            double side = cx * Math.cos(edgeAngle) + cy * Math.sin(edgeAngle) - edgeOffset;
            lit = side > 0 ? 0.55 : 1;
          } else {
            lit = 0.93 + 0.07 * (cx * light[0] + cy * light[1]) / (CANVAS / 2.0);
          }
          double[] base = {paper[0], paper[1], paper[2]};
          boolean line =
              condition == Condition.RULED && (y + phase) % spacing < 2
                  || condition == Condition.SQUARED
                      && ((y + phase) % spacing == 0 || (x + phase) % spacing == 0);
          if (line) {
            base = new double[] {150, 175, 215};
          }
          if (condition == Condition.RULED && Math.abs(x - 30) <= 1) {
            base = new double[] {225, 120, 120}; // the margin
          }
          double a = Math.min(1f, ink[y * CANVAS + x]);
          if (pencil) {
            a *= 0.35 + 0.5 * random.nextDouble(); // graphite on paper's grain
          }
          img.setRGB(x, y, WrittenNumbers.photoPixel(base, pen, a, lit, 4, random));
        }
      }
      return img;
    }
  }
}
