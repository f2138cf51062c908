package dev.digits.inference.control;

import dev.digits.model.DigitClassifier;
import dev.digits.recognition.boundary.ApiLimits;
import java.util.Arrays;

/**
 * The shapes the image input takes: N pictures as BYTES {@code [N]}, or N MNIST images as FP32 or
 * UINT8 {@code [N,784]}, {@code [N,28,28]} or {@code [N,1,28,28]} (flat, the MNIST files' own
 * layout, or with PyTorch's channel axis), N from 1 to {@value #MAX_BATCH}.
 */
final class ImageShape {
  static final int MAX_BATCH = ApiLimits.MAX_BATCH;
  static final int SIDE = DigitClassifier.SIDE;
  static final int PIXELS = SIDE * SIDE;

  private static final long[][] PIXEL_SHAPES = {{PIXELS}, {SIDE, SIDE}, {1, SIDE, SIDE}};

  private ImageShape() {}

  /** The batch size N of a valid shape for this datatype; refuses any other. */
  static int batch(Datatype datatype, long[] shape) {
    for (long d : shape) {
      if (d < 0) {
        throw InferenceException.malformed(
            "shape " + Arrays.toString(shape) + " has a negative size");
      }
    }
    boolean fits =
        switch (datatype) {
          case BYTES -> shape.length == 1;
          case FP32, UINT8 ->
              shape.length > 1 && isPixels(Arrays.copyOfRange(shape, 1, shape.length));
          default ->
              throw InferenceException.malformed(
                  "input 'image' takes FP32 or UINT8 pixels, or BYTES pictures, not " + datatype);
        };
    if (!fits) {
      throw InferenceException.malformed(
          "input 'image' as "
              + datatype
              + " takes shape "
              + (datatype == Datatype.BYTES ? "[N]" : "[N,28,28], [N,784] or [N,1,28,28]")
              + ", not "
              + Arrays.toString(shape));
    }
    if (shape[0] == 0) {
      throw InferenceException.malformed("input 'image' holds no images: N must be 1 or more");
    }
    if (shape[0] > MAX_BATCH) {
      throw InferenceException.tooLarge(
          "a request holds 1 to " + MAX_BATCH + " images, not " + shape[0]);
    }
    return (int) shape[0];
  }

  /** Elements a valid tensor of this datatype and batch size holds. */
  static int elements(Datatype datatype, int batch) {
    return datatype == Datatype.BYTES ? batch : batch * PIXELS;
  }

  private static boolean isPixels(long[] image) {
    for (long[] s : PIXEL_SHAPES) {
      if (Arrays.equals(s, image)) {
        return true;
      }
    }
    return false;
  }
}
