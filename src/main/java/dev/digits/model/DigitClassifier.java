package dev.digits.model;

/**
 * A model that reads one 28x28 digit in MNIST convention (light ink on dark, 784 values in 0..1,
 * row-major, the digit fitted in 20x20 and centred by centre of mass) and gives ten probabilities
 * that sum to 1. Implementations are safe to call from many threads at once.
 */
public interface DigitClassifier {
  /** The side of the square image every model reads, as MNIST stores its digits. */
  int SIDE = 28;

  int PIXELS = SIDE * SIDE;
  int CLASSES = 10;

  /**
   * A short, stable name used in URLs and model cards: {@code ann}, {@code cnn}, {@code ensemble}.
   */
  String name();

  float[] probabilities(float[] image);

  /** How many trained numbers the model holds. */
  long parameterCount();

  /**
   * The batch form; the default classifies one by one, models with a faster batch path override it.
   */
  default float[][] probabilities(float[][] images) {
    float[][] out = new float[images.length][];
    for (int i = 0; i < images.length; i++) {
      out[i] = probabilities(images[i]);
    }
    return out;
  }

  static void checkImage(float[] image) {
    if (image.length != PIXELS) {
      throw new IllegalArgumentException(
          "expected " + PIXELS + " pixels (" + SIDE + "x" + SIDE + "), got " + image.length);
    }
  }
}
