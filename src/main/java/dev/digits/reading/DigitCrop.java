package dev.digits.reading;

import dev.digits.image.InkImage;
import dev.digits.image.MnistFraming;

/**
 * One candidate digit cut out of the picture as a model reads it: only that piece's ink, in a
 * picture of its own box (a neighbour's stroke reaching into the box left out), framed by {@link
 * MnistFraming} exactly as a single digit is, so the model sees what it learned. The faint ink at
 * the strokes' edges, below the threshold that made the strokes, comes with them where it lies
 * within {@link #HALO} pixels.
 */
final class DigitCrop {
  /** How far from the piece's pixels its faint edge is taken along. */
  static final int HALO = 2;

  private DigitCrop() {}

  /** The 784 values of the piece's ink, framed as MNIST. */
  static float[] mnist(InkImage picture, Piece piece, float threshold) {
    int left = Math.max(0, piece.left - HALO);
    int top = Math.max(0, piece.top - HALO);
    int w = Math.min(picture.width() - 1, piece.right + HALO) - left + 1;
    int h = Math.min(picture.height() - 1, piece.bottom + HALO) - top + 1;
    float[] own = new float[w * h];
    piece.copyInk(picture.ink(), picture.width(), own, left, top, w);
    boolean[] near = near(own, w, h);
    float[] ink = picture.ink();
    for (int y = 0; y < h; y++) {
      int row = (top + y) * picture.width() + left;
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        float v = ink[row + x];
        if (own[i] == 0f && near[i] && v <= threshold) {
          own[i] = v; // faint edge: part of no stroke, so of the nearest
        }
      }
    }
    return MnistFraming.toMnist(InkImage.of(w, h, own));
  }

  /** The pixels within {@link #HALO} (a square) of ink in {@code own}. */
  private static boolean[] near(float[] own, int w, int h) {
    boolean[] across = new boolean[own.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int d = -HALO; d <= HALO && !across[y * w + x]; d++) {
          across[y * w + x] = x + d >= 0 && x + d < w && own[y * w + x + d] != 0f;
        }
      }
    }
    boolean[] near = new boolean[own.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int d = -HALO; d <= HALO && !near[y * w + x]; d++) {
          near[y * w + x] = y + d >= 0 && y + d < h && across[(y + d) * w + x];
        }
      }
    }
    return near;
  }
}
