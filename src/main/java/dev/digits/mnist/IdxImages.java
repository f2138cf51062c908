package dev.digits.mnist;

/** The images of an IDX file: {@code count} images of rows x columns unsigned bytes, row-major. */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {
  public IdxImages {
    if ((long) count * rows * columns != pixels.length) {
      throw new IllegalArgumentException(
          "pixel count does not match " + count + "x" + rows + "x" + columns);
    }
  }

  /** Image {@code i} as ink intensities 0..1 (MNIST is already light ink on dark). */
  public float[] image(int i) {
    int size = rows * columns;
    float[] out = new float[size];
    for (int p = 0; p < size; p++) {
      out[p] = (pixels[i * size + p] & 0xff) / 255f;
    }
    return out;
  }
}
