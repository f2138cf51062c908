package dev.digits.it;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Numbers written with MNIST test digits side by side, black on white, as a wide canvas would send
 * them: each digit's 28x28 square drawn {@code side} pixels large with a gap between squares.
 */
final class WrittenNumbers {
  private WrittenNumbers() {}

  /**
   * The number {@code digits} in one row; each digit the first test image of it at or after {@code
   * from}.
   */
  static BufferedImage row(String digits, int from, int side, int gap) {
    BufferedImage canvas =
        new BufferedImage(
            Math.max(1, digits.length() * (side + gap) + gap),
            side + 60,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      for (int i = 0; i < digits.length(); i++) {
        int label = digits.charAt(i) - '0';
        g.drawImage(digit(label, from + 31 * i), gap + i * (side + gap), 30, side, side, null);
      }
    } finally {
      g.dispose();
    }
    return canvas;
  }

  /**
   * The first MNIST test digit {@code label} at or after index {@code from}, as black ink on
   * transparency.
   */
  private static BufferedImage digit(int label, int from) {
    MnistDataset test = MnistFixture.test();
    int i = from;
    while (test.labels()[i % test.size()] != label) {
      i++;
    }
    float[] ink = test.images()[i % test.size()];
    BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
    for (int p = 0; p < ink.length; p++) {
      img.setRGB(p % 28, p / 28, Math.round(ink[p] * 255) << 24);
    }
    return img;
  }
}
