package dev.digits.image;

/**
 * The one path from a picture to what a model reads: decode, extract the ink, frame it as MNIST
 * (see {@link MnistFraming}). Serving, the evaluation of rendered digits and the tests all use it.
 */
public final class Preprocessor {
  private Preprocessor() {}

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
