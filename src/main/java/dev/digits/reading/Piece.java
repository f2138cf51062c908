package dev.digits.reading;

import java.util.Arrays;

/**
 * Some of a picture's ink pixels, held as horizontal runs (a row, its first and last x), with their
 * bounding box and pixel count: a connected stroke, a part of one cut off by a {@link Cut}, or
 * several of these taken as one digit.
 */
final class Piece {
  private final int[] rows;
  private final int[] from;
  private final int[] to;
  final int left;
  final int top;
  final int right;
  final int bottom;
  final int mass;

  /** The first {@code count} runs of the arrays, which the piece keeps. */
  Piece(int[] rows, int[] from, int[] to, int count) {
    this.rows = count == rows.length ? rows : Arrays.copyOf(rows, count);
    this.from = count == from.length ? from : Arrays.copyOf(from, count);
    this.to = count == to.length ? to : Arrays.copyOf(to, count);
    int l = Integer.MAX_VALUE;
    int t = Integer.MAX_VALUE;
    int r = -1;
    int b = -1;
    int m = 0;
    for (int i = 0; i < count; i++) {
      l = Math.min(l, from[i]);
      r = Math.max(r, to[i]);
      t = Math.min(t, rows[i]);
      b = Math.max(b, rows[i]);
      m += to[i] - from[i] + 1;
    }
    left = l;
    top = t;
    right = r;
    bottom = b;
    mass = m;
  }

  boolean isEmpty() {
    return mass == 0;
  }

  int width() {
    return right - left + 1;
  }

  int height() {
    return bottom - top + 1;
  }

  double centreX() {
    return (left + right) / 2.0;
  }

  Box box() {
    return new Box(left, top, width(), height());
  }

  /** This piece's and the other's runs together. */
  Piece union(Piece other) {
    int n = rows.length + other.rows.length;
    int[] r = Arrays.copyOf(rows, n);
    int[] f = Arrays.copyOf(from, n);
    int[] t = Arrays.copyOf(to, n);
    System.arraycopy(other.rows, 0, r, rows.length, other.rows.length);
    System.arraycopy(other.from, 0, f, rows.length, other.rows.length);
    System.arraycopy(other.to, 0, t, rows.length, other.rows.length);
    return new Piece(r, f, t, n);
  }

  /** The pixels right of {@code after} and not right of {@code upTo}; a null cut bounds nothing. */
  Piece between(Cut after, Cut upTo) {
    int[] r = new int[rows.length];
    int[] f = new int[rows.length];
    int[] t = new int[rows.length];
    int n = 0;
    for (int i = 0; i < rows.length; i++) {
      int lo = after == null ? from[i] : Math.max(from[i], after.lastLeft(rows[i]) + 1);
      int hi = upTo == null ? to[i] : Math.min(to[i], upTo.lastLeft(rows[i]));
      if (lo <= hi) {
        r[n] = rows[i];
        f[n] = lo;
        t[n] = hi;
        n++;
      }
    }
    return new Piece(r, f, t, n);
  }

  /** The length of each run: across a stroke, the pen's width. */
  int[] runLengths() {
    int[] lengths = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      lengths[i] = to[i] - from[i] + 1;
    }
    return lengths;
  }

  /** A mask of the bounding box, row-major, true on this piece's pixels. */
  boolean[] mask() {
    int w = width();
    boolean[] mask = new boolean[w * height()];
    for (int i = 0; i < rows.length; i++) {
      int at = (rows[i] - top) * w - left;
      Arrays.fill(mask, at + from[i], at + to[i] + 1, true);
    }
    return mask;
  }

  /**
   * Copies the picture's ink under this piece's runs into {@code crop}, whose top-left is the
   * box's.
   */
  void copyInk(
      float[] ink, int pictureWidth, float[] crop, int cropLeft, int cropTop, int cropWidth) {
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(
          ink,
          rows[i] * pictureWidth + from[i],
          crop,
          (rows[i] - cropTop) * cropWidth + from[i] - cropLeft,
          to[i] - from[i] + 1);
    }
  }
}
