package dev.digits.reading;

import dev.digits.image.InkImage;
import dev.digits.image.MnistFraming;
import dev.digits.model.DigitClassifier;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Each piece cropped and framed, and what the classifier reads there, in one batch; an empty list
   * asks it nothing (not every classifier takes an empty batch).
   */
  static List<ReadPiece> read(
      InkImage picture, List<Piece> pieces, DigitClassifier classifier, float threshold) {
    if (pieces.isEmpty()) {
      return List.of();
    }
    float[][] inputs = new float[pieces.size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = mnist(picture, pieces.get(i), threshold);
    }
    float[][] probabilities = classifier.probabilities(inputs);
    List<ReadPiece> read = new ArrayList<>(inputs.length);
    for (int i = 0; i < inputs.length; i++) {
      read.add(new ReadPiece(inputs[i], probabilities[i]));
    }
    return read;
  }

  /** The 784 values of the piece's ink, framed as MNIST. */
  static float[] mnist(InkImage picture, Piece piece, float threshold) {
    int left = Math.max(0, piece.left - HALO);
    int top = Math.max(0, piece.top - HALO);
    int w = Math.min(picture.width() - 1, piece.right + HALO) - left + 1;
    int h = Math.min(picture.height() - 1, piece.bottom + HALO) - top + 1;
    float[] own = new float[w * h];
    piece.copyInk(picture.ink(), picture.width(), own, left, top, w);
    // Faint pixels lie only along strokes' edges, a small share of the box: each is checked against
    // the piece's own ink around it, and all are added after, so that none counts as the piece's.
    float[] ink = picture.ink();
    int[] faint = new int[64];
    int found = 0;
    for (int y = 0; y < h; y++) {
      int row = (top + y) * picture.width() + left;
      for (int x = 0; x < w; x++) {
        float v = ink[row + x];
        if (v > 0f && v <= threshold && own[y * w + x] == 0f && nearOwn(own, w, h, x, y)) {
          if (found == faint.length) {
            faint = java.util.Arrays.copyOf(faint, 2 * found);
          }
          faint[found++] = y * w + x;
        }
      }
    }
    for (int k = 0; k < found; k++) {
      int at = faint[k];
      own[at] = ink[(top + at / w) * picture.width() + left + at % w]; // of the nearest stroke
    }
    return MnistFraming.toMnist(InkImage.of(w, h, own));
  }

  /** Whether the piece has ink within {@link #HALO} (a square) of (x, y). */
  private static boolean nearOwn(float[] own, int w, int h, int x, int y) {
    for (int yy = Math.max(0, y - HALO); yy <= Math.min(h - 1, y + HALO); yy++) {
      for (int xx = Math.max(0, x - HALO); xx <= Math.min(w - 1, x + HALO); xx++) {
        if (own[yy * w + xx] != 0f) {
          return true;
        }
      }
    }
    return false;
  }
}
