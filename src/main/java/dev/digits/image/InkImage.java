package dev.digits.image;

/**
 * A decoded picture reduced to ink: {@code width x height} values in 0..1, 1 where the pen was.
 * Each row also knows where its ink starts and ends, so the framing steps skip the blank paper
 * around a digit (most of a canvas) without reading it again.
 */
public final class InkImage {
  private final int width;
  private final int height;
  private final float[] ink;

  /** Per row: the first and the last x with ink, {@code width} and -1 in a blank row. */
  private final int[] inkFrom;

  private final int[] inkTo;

  /**
   * {@code ink} is row-major; {@code inkFrom} and {@code inkTo} are the row extents its maker found
   * in it.
   */
  InkImage(int width, int height, float[] ink, int[] inkFrom, int[] inkTo) {
    if (width <= 0
        || height <= 0
        || ink.length != width * height
        || inkFrom.length != height
        || inkTo.length != height) {
      throw new IllegalArgumentException("ink array does not match " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.ink = ink;
    this.inkFrom = inkFrom;
    this.inkTo = inkTo;
  }

  /**
   * An image over {@code ink} (row-major, 0..1, used as given, not copied), with each row's ink
   * extents found here: for pictures made outside this package, such as one digit cut out of a
   * larger picture.
   */
  public static InkImage of(int width, int height, float[] ink) {
    if (width <= 0 || height <= 0 || ink.length != width * height) {
      throw new IllegalArgumentException("ink array does not match " + width + "x" + height);
    }
    int[] from = new int[height];
    int[] to = new int[height];
    for (int y = 0, row = 0; y < height; y++, row += width) {
      int x = 0;
      while (x < width && ink[row + x] == 0f) {
        x++;
      }
      int last = width - 1;
      while (last > x && ink[row + last] == 0f) {
        last--;
      }
      from[y] = x;
      to[y] = x == width ? -1 : last;
    }
    return new InkImage(width, height, ink, from, to);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public float[] ink() {
    return ink;
  }

  /**
   * The first x in row y whose ink is above the threshold (>= 0), or {@code width} where there is
   * none.
   */
  int firstAbove(int y, float threshold) {
    int x = inkFrom[y];
    while (x <= inkTo[y] && ink[y * width + x] <= threshold) {
      x++;
    }
    return x > inkTo[y] ? width : x;
  }

  /** The last x in row y whose ink is above the threshold (>= 0), or -1 where there is none. */
  int lastAbove(int y, float threshold) {
    int x = inkTo[y];
    while (x >= inkFrom[y] && ink[y * width + x] <= threshold) {
      x--;
    }
    return x < inkFrom[y] ? -1 : x;
  }
}
