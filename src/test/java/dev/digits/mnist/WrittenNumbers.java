package dev.digits.mnist;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Handwritten numbers made of MNIST <b>test</b> digits (never training digits), one row each, with
 * the gaps and unevenness people leave: the reader's test set. Each digit is cut to its ink, scaled
 * to the number's digit height and set beside the last with a gap measured between the inks, so
 * that a negative gap makes strokes touch or cross. Ink adds up as a pen's would (the darker wins).
 * The same seed gives the same numbers.
 */
public final class WrittenNumbers {
  /** How the digits of a number sit beside each other, and on what paper. */
  public enum Condition {
    /** Gaps of a quarter to half a digit height: what most people leave. */
    WIDE,
    /** Gaps of 3 to 12 % of a digit height: still apart, but close. */
    NARROW,
    /** No gap: each digit's ink box overlaps the last by up to a tenth of a height. */
    TOUCHING,
    /** Digits from 70 to 125 % of the height, on a common baseline with some jitter. */
    UNEVEN,
    /** A baseline that wanders up and down by a quarter of a height. */
    WAVY,
    /** Photo-like: tinted paper, uneven light, a shadow, pen or pencil ink, noise, a JPEG. */
    PHOTO
  }

  /** A written number, its picture and where each digit's ink is in it. */
  public record Sample(
      Condition condition, String number, BufferedImage picture, List<int[]> boxes) {
    /** The picture as a client would send it: PNG, or for a photo a low-quality JPEG. */
    public byte[] bytes() {
      return condition == Condition.PHOTO ? jpeg(picture, 0.55f) : CanvasRenderer.png(picture);
    }

    public String contentType() {
      return condition == Condition.PHOTO ? "image/jpeg" : "image/png";
    }
  }

  /** Lengths the set draws from: mostly 1 to 8 digits, some long ones up to the reader's 20. */
  private static final int[] LONG = {10, 12, 16, 20};

  private final MnistDataset test;
  private final Random random;

  public WrittenNumbers(MnistDataset test, long seed) {
    this.test = test;
    this.random = new Random(seed);
  }

  /** {@code count} numbers of random lengths (70 % of 1 to 8 digits, 30 % of 10 to 20). */
  public List<Sample> samples(Condition condition, int count) {
    List<Sample> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = random.nextDouble() < 0.7 ? 1 + random.nextInt(8) : LONG[random.nextInt(4)];
      out.add(sample(condition, randomNumber(length)));
    }
    return out;
  }

  public String randomNumber(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  /** The number written with random test digits of the given labels. */
  public Sample sample(Condition condition, String number) {
    // Long numbers are written smaller, as on paper, and stay within the API's 4096 pixels a side.
    int height = Math.min(60 + random.nextInt(120), 2400 / number.length());
    List<Ink> digits = new ArrayList<>();
    for (int i = 0; i < number.length(); i++) {
      double scale = condition == Condition.UNEVEN ? 0.7 + 0.55 * random.nextDouble() : 1;
      digits.add(Ink.of(randomDigit(number.charAt(i) - '0'), height * scale / 20.0));
    }
    int margin = height / 2;
    int[] xs = new int[digits.size()];
    int x = margin;
    for (int i = 0; i < digits.size(); i++) {
      if (i > 0) {
        x += gap(condition, height);
      }
      xs[i] = x;
      x += digits.get(i).width;
    }
    int width = x + margin;
    int rows = 2 * margin + (int) (height * (condition == Condition.WAVY ? 1.6 : 1.3));
    float[] canvas = new float[width * rows];
    List<int[]> boxes = new ArrayList<>();
    double phase = random.nextDouble() * 2 * Math.PI;
    double period = height * (3 + 3 * random.nextDouble());
    for (int i = 0; i < digits.size(); i++) {
      Ink d = digits.get(i);
      int baseline = margin + (int) (height * (condition == Condition.WAVY ? 1.3 : 1.15));
      if (condition == Condition.WAVY) {
        baseline += (int) (0.25 * height * Math.sin(phase + 2 * Math.PI * xs[i] / period));
      } else if (condition == Condition.UNEVEN) {
        baseline += (int) (0.06 * height * random.nextGaussian());
      }
      int top = Math.max(0, baseline - d.height);
      d.drawInto(canvas, width, xs[i], top);
      boxes.add(new int[] {xs[i], top, d.width, d.height});
    }
    BufferedImage picture =
        condition == Condition.PHOTO
            ? photo(canvas, width, rows)
            : blackOnWhite(canvas, width, rows);
    return new Sample(condition, number, picture, boxes);
  }

  private int gap(Condition condition, int height) {
    double share =
        switch (condition) {
          case WIDE -> 0.25 + 0.25 * random.nextDouble();
          case NARROW -> 0.03 + 0.09 * random.nextDouble();
          case TOUCHING -> -0.1 * random.nextDouble();
          case UNEVEN, WAVY, PHOTO -> 0.15 + 0.25 * random.nextDouble();
        };
    int gap = (int) Math.round(share * height);
    return condition == Condition.NARROW ? Math.max(2, gap) : gap;
  }

  private float[] randomDigit(int label) {
    while (true) {
      int i = random.nextInt(test.size());
      if (test.labels()[i] == label) {
        return test.images()[i];
      }
    }
  }

  private static BufferedImage blackOnWhite(float[] ink, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < ink.length; i++) {
      int v = 255 - Math.round(Math.min(1f, ink[i]) * 255);
      img.setRGB(i % width, i / width, v << 16 | v << 8 | v);
    }
    return img;
  }

  /** Paper lit from one side with a shadow in a corner, pen or pencil ink, sensor noise. */
  private BufferedImage photo(float[] ink, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double[] paper = {225 + random.nextInt(25), 215 + random.nextInt(30), 190 + random.nextInt(50)};
    boolean pencil = random.nextBoolean();
    double[] pen =
        pencil ? new double[] {85, 85, 90} : new double[] {25, 35, 110 + random.nextInt(40)};
    double light = 0.25 * random.nextDouble();
    double shadowX = random.nextDouble() * width;
    double shadowY = random.nextBoolean() ? 0 : height;
    double shadowR = 0.5 * Math.max(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double lit = 1 - light * x / width;
        double d = Math.hypot(x - shadowX, y - shadowY);
        if (d < shadowR) {
          lit *= 0.7 + 0.3 * d / shadowR;
        }
        double a =
            Math.min(1f, ink[y * width + x]) * (pencil ? 0.55 + 0.35 * random.nextDouble() : 0.95);
        img.setRGB(x, y, photoPixel(paper, pen, a, lit, 6, random));
      }
    }
    return img;
  }

  /**
   * A camera's pixel: {@code paper} (0..255 a channel) under ink of colour {@code pen} and cover
   * {@code a} (0..1), lit by {@code lit}, with sensor noise of {@code noise} levels.
   */
  static int photoPixel(
      double[] paper, double[] pen, double a, double lit, double noise, Random r) {
    int rgb = 0;
    for (int c = 0; c < 3; c++) {
      double v = (paper[c] * (1 - a) + pen[c] * a) * lit + noise * r.nextGaussian();
      rgb = rgb << 8 | (int) Math.max(0, Math.min(255, Math.round(v)));
    }
    return rgb;
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** One digit's ink cut to its box and scaled, ready to be set on a canvas. */
  private record Ink(float[] pixels, int width, int height) {
    static Ink of(float[] mnist, double scale) {
      int[] box = WrittenDigits.inkBox(mnist);
      int x0 = box[0];
      int y0 = box[1];
      int w = Math.max(1, (int) Math.round(box[2] * scale));
      int h = Math.max(1, (int) Math.round(box[3] * scale));
      float[] out = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[y * w + x] =
              Strokes.bilinear(
                  mnist, 28, x0 + (x + 0.5) / scale - 0.5, y0 + (y + 0.5) / scale - 0.5);
        }
      }
      return new Ink(out, w, h);
    }

    void drawInto(float[] canvas, int canvasWidth, int left, int top) {
      int rows = canvas.length / canvasWidth;
      for (int y = 0; y < height && top + y < rows; y++) {
        for (int x = 0; x < width && left + x < canvasWidth; x++) {
          int i = (top + y) * canvasWidth + left + x;
          canvas[i] = Math.max(canvas[i], pixels[y * width + x]);
        }
      }
    }
  }
}
