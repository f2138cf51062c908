package dev.digits.image;

/** A decoded picture reduced to ink: {@code width x height} values in 0..1, 1 where the pen was. */
public record InkImage(int width, int height, float[] ink) {
  public InkImage {
    if (width <= 0 || height <= 0 || ink.length != width * height) {
      throw new IllegalArgumentException("ink array does not match " + width + "x" + height);
    }
  }

  /** The first x in row y whose ink is above the threshold, or {@code width} where there is none. */
  int firstAbove(int y, float threshold) {
    int x = 0;
    while (x < width && ink[y * width + x] <= threshold) {
      x++;
    }
    return x;
  }

  /** The last x in row y whose ink is above the threshold, or -1 where there is none. */
  int lastAbove(int y, float threshold) {
    int x = width - 1;
    while (x >= 0 && ink[y * width + x] <= threshold) {
      x--;
    }
    return x;
  }

  public float at(int x, int y) {
    return x < 0 || y < 0 || x >= width || y >= height ? 0f : ink[y * width + x];
  }
}
