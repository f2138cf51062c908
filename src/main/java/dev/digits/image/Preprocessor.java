package dev.digits.image;

import dev.digits.model.DigitClassifier;

/**
 * The one path from a picture to what a model reads: decode, extract the ink, frame it as MNIST
 * (see {@link MnistFraming}). Serving, the evaluation of rendered digits and the tests all use it.
 */
public final class Preprocessor {
  private Preprocessor() {}

  /**
   * What the server makes of an MNIST image sent as stored (a 28x28 grey PNG, white ink on black):
   * the same ink extraction and framing, from the pixels the PNG decodes to. Training evaluates on
   * this, so that a model card states the accuracy a client gets.
   */
  public static float[] served(float[] mnist) {
    int side = DigitClassifier.SIDE;
    int[] argb = new int[side * side];
    for (int i = 0; i < argb.length; i++) {
      int v = Math.round(Math.max(0f, Math.min(1f, mnist[i])) * 255);
      argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
    }
    return MnistFraming.toMnist(InkExtractor.fromArgb(side, side, argb));
  }

  /** 784 values in 0..1 (28x28, row-major) from a PNG, JPEG, GIF or BMP picture. */
  public static float[] toMnist(EncodedImage image) {
    PixelBuffers buffers = PixelBuffers.take();
    try {
      ImageDecoder.Pixels p = ImageDecoder.decode(image, buffers);
      return MnistFraming.toMnist(InkExtractor.fromArgb(p.width(), p.height(), p.argb(), buffers));
    } finally {
      buffers.release(); // only the 784 values leave; nothing else refers to the buffers
    }
  }
}
