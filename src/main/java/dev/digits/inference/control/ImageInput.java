package dev.digits.inference.control;

import java.util.List;

/**
 * The request's {@code image} input, decoded: MNIST images the models read as they are, or encoded
 * pictures that go through the preprocessing every other route uses.
 */
public sealed interface ImageInput permits ImageInput.Mnist, ImageInput.Pictures {
  int count();

  /** N images of 784 values in 0..1, row-major, ink high (FP32 as sent, UINT8 divided by 255). */
  record Mnist(List<float[]> images) implements ImageInput {
    public Mnist {
      images = List.copyOf(images);
    }

    @Override
    public int count() {
      return images.size();
    }
  }

  /** N pictures (BYTES), each an element's bytes: PNG, JPEG, GIF or BMP, or a data URL. */
  record Pictures(List<byte[]> pictures) implements ImageInput {
    public Pictures {
      pictures = List.copyOf(pictures);
    }

    @Override
    public int count() {
      return pictures.size();
    }
  }
}
