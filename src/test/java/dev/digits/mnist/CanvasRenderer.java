package dev.digits.mnist;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Draws a 28x28 MNIST digit onto a larger canvas the way a browser would send it: placed and scaled
 * anywhere, dark ink on light, light on dark, or ink on a transparent background. Used to test the
 * preprocessing and the HTTP API with real digits, and by the benchmark.
 */
public final class CanvasRenderer {
  /**
   * Where and how to draw: the digit's square at (x, y) with the given side, in ink on background.
   */
  public record Style(int canvas, int x, int y, int side, Color ink, Color background) {
    /** The old app's canvas: 280x280, the digit at full size, black on white. */
    public static Style oldCanvas() {
      return new Style(280, 0, 0, 280, Color.BLACK, Color.WHITE);
    }
  }

  private CanvasRenderer() {}

  public static BufferedImage render(float[] mnist, Style s) {
    BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
    int rgb = s.ink().getRGB() & 0xFFFFFF;
    for (int i = 0; i < 784; i++) {
      int alpha = Math.round(Math.max(0f, Math.min(1f, mnist[i])) * 255);
      digit.setRGB(i % 28, i / 28, alpha << 24 | rgb);
    }
    BufferedImage canvas = new BufferedImage(s.canvas(), s.canvas(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = canvas.createGraphics();
    try {
      if (s.background() != null) {
        g.setColor(s.background());
        g.fillRect(0, 0, s.canvas(), s.canvas());
      }
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(digit, s.x(), s.y(), s.side(), s.side(), null);
    } finally {
      g.dispose();
    }
    return canvas;
  }

  public static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException(
            "no ImageIO writer for " + format + " of this image type");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PNG data URL, as {@code canvas.toDataURL()} gives. */
  public static String dataUrl(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
