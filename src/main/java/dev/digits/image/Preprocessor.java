package dev.digits.image;

/**
 * The one path from a picture to what a model reads: decode, extract the ink, frame it as MNIST
 * (see {@link MnistFraming}). Serving, the evaluation of rendered digits and the tests all use it.
 */
public final class Preprocessor {
  private Preprocessor() {}

  /** 784 values in 0..1 (28x28, row-major) from the bytes of a PNG, JPEG, GIF or BMP picture. */
  public static float[] fromImageBytes(byte[] bytes) {
    PixelBuffers buffers = PixelBuffers.take();
    try {
      ImageDecoder.Pixels p = ImageDecoder.decode(bytes, buffers);
      return MnistFraming.toMnist(InkExtractor.fromArgb(p.width(), p.height(), p.argb(), buffers));
    } finally {
      buffers.release(); // only the 784 values leave; nothing else refers to the buffers
    }
  }

  public static float[] fromArgb(int width, int height, int[] argb) {
    return MnistFraming.toMnist(InkExtractor.fromArgb(width, height, argb));
  }
}
