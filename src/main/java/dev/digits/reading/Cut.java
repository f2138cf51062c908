package dev.digits.reading;

/**
 * A path from the top of a piece to its bottom along which it may be cut in two: in each row, the
 * last x that stays on the left. {@code inkCrossed} is how many of the piece's pixels lie on it.
 */
record Cut(int top, int[] lastLeft, int inkCrossed) {
  Cut {
    lastLeft = lastLeft.clone();
  }

  /** The path's x in row y; rows above or below it continue its first or last x. */
  int lastLeft(int y) {
    int i = Math.max(0, Math.min(lastLeft.length - 1, y - top));
    return lastLeft[i];
  }

  double meanX() {
    double sum = 0;
    for (int x : lastLeft) {
      sum += x;
    }
    return sum / lastLeft.length;
  }
}
