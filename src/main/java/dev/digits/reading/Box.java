package dev.digits.reading;

/** A rectangle in the picture's pixels: its top-left corner and its size. */
public record Box(int x, int y, int width, int height) {
  public Box {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "a box needs a positive size, got " + width + "x" + height);
    }
  }

  public int right() {
    return x + width - 1;
  }

  public int bottom() {
    return y + height - 1;
  }

  public boolean contains(int px, int py) {
    return px >= x && px <= right() && py >= y && py <= bottom();
  }

  /**
   * This box in a picture {@code scale} times the size: the smallest whole-pixel box covering it.
   */
  public Box scaled(double scale) {
    int left = (int) Math.floor(x * scale);
    int top = (int) Math.floor(y * scale);
    int width = Math.max(1, (int) Math.ceil((x + this.width) * scale) - left);
    int height = Math.max(1, (int) Math.ceil((y + this.height) * scale) - top);
    return new Box(left, top, width, height);
  }
}
