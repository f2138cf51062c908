package dev.digits.image;

import dev.digits.model.DigitClassifier;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Turns ARGB pixels into ink. Transparency first: a canvas never filled has its strokes only in the
 * alpha channel, so a mostly transparent picture is read by its alpha; otherwise it is flattened
 * onto white. Then polarity: the border's median brightness is the background, and ink is whatever
 * differs from it, scaled so the strongest stroke is 1, whether dark on light or light on dark.
 */
public final class InkExtractor {
  /** Below this contrast with the background (0..1) a picture counts as blank. */
  static final float MIN_CONTRAST = 0.15f;

  /**
   * Ink under this level is background texture (JPEG noise, paper grain) or the halo of a blurred
   * scan, and is dropped, except in a picture of one colour's paper at the model's own size: that
   * is already what a model reads (an MNIST digit as stored), and its faint edges are part of it.
   */
  static final float NOISE_FLOOR = 0.1f;

  /**
   * The share of a canvas's border that is its paper's one colour. An MNIST digit's stroke may run
   * off the edge of its 28x28 (about one in a hundred do), taking a few of its 108 border pixels.
   */
  static final double PAPER_SHARE = 0.9;

  private InkExtractor() {}

  /** {@code UNIT[v] == v / 255f}: a channel's value as a fraction. */
  private static final float[] UNIT = new float[256];

  static {
    for (int v = 0; v < UNIT.length; v++) {
      UNIT[v] = v / 255f;
    }
  }

  // Two passes over the pixels: the brightest value (for the scale), then the ink. A picture has
  // few
  // distinct colours (a canvas: 256 greys), so both passes convert each colour once and look it up
  // after.
  // A row that repeats the row above (the blank paper above and below a digit) is not read again:
  // its
  // ink, and where its ink starts and ends, are the row above's.
  public static InkImage fromArgb(int width, int height, int[] argb) {
    return fromArgb(width, height, argb, PixelBuffers.FRESH);
  }

  /** As {@link #fromArgb(int, int, int[])}, the ink in an array from {@code buffers}. */
  static InkImage fromArgb(int width, int height, int[] argb, PixelBuffers buffers) {
    if (width <= 0 || height <= 0 || argb.length != width * height) {
      throw new IllegalArgumentException(
          argb.length + " pixels do not make " + width + "x" + height);
    }
    Rows rows = new Rows(width, height, argb);
    long alphaSum = 0;
    int rowSum = 0;
    for (int y = 0, row = 0; y < height; y++, row += width) {
      rowSum = rows.repeats[y] ? rowSum : alphaSum(argb, row, row + width);
      alphaSum += rowSum;
    }
    float[] ink = buffers.ink(argb.length);
    boolean modelSized = width == DigitClassifier.SIDE && height == DigitClassifier.SIDE;
    if (2 * alphaSum < 255L * argb.length) { // mean opacity under one half
      fromAlpha(argb, rows, floor(modelSized, true), ink); // transparent paper is one paper
    } else {
      OptionalInt paper = paperColour(width, height, argb);
      boolean canvas = paper.isPresent();
      int[] evened = canvas ? null : Illumination.evened(width, height, argb);
      if (evened != null) {
        argb = evened;
        rows = new Rows(width, height, argb);
      }
      float border = canvas ? overWhite(paper.getAsInt()) : borderMedian(width, height, argb);
      boolean invert = border >= 0.5f; // dark ink on light paper: invert so ink is bright
      float background = invert ? 1f - border : border;
      float range = range(background, maxBrightness(argb, rows, invert));
      fromColour(argb, rows, invert, background, range, floor(modelSized, canvas), ink);
      // A photo or scan may be of ruled or squared paper; a canvas's paper is one colour.
      if (!canvas && RuledLines.remove(width, height, ink)) {
        rows = Rows.none(width, height); // rows alike in colour may now differ in ink
      }
    }
    return withExtents(rows, ink);
  }

  /**
   * Ink fainter than this is taken for the paper's noise, except in a picture of the model's own
   * size on paper of one colour: that is a digit as MNIST stores it, where every grey level is ink.
   */
  private static float floor(boolean modelSized, boolean onePaper) {
    return modelSized && onePaper ? 0f : NOISE_FLOOR;
  }

  /** An int sum over one row compiles to vector instructions, a long one does not. */
  private static int alphaSum(int[] argb, int from, int to) {
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += argb[i] >>> 24;
    }
    return sum;
  }

  /**
   * Which rows repeat the row above, found with {@link Arrays#equals}, which compares many pixels
   * per instruction.
   */
  private static final class Rows {
    final int width;
    final boolean[] repeats;

    private Rows(int width, boolean[] repeats) {
      this.width = width;
      this.repeats = repeats;
    }

    /** Rows of which none is taken to repeat the one above. */
    static Rows none(int width, int height) {
      return new Rows(width, new boolean[height]);
    }

    Rows(int width, int height, int[] argb) {
      this.width = width;
      repeats = new boolean[height];
      for (int y = 1, row = width; y < height; y++, row += width) {
        repeats[y] = Arrays.equals(argb, row, row + width, argb, row - width, row);
      }
    }

    /**
     * Gives row y the ink of the row above when it repeats it; false when it has to be computed.
     */
    boolean copiedAbove(int y, float[] ink) {
      if (repeats[y]) {
        System.arraycopy(ink, (y - 1) * width, ink, y * width, width);
      }
      return repeats[y];
    }
  }

  /**
   * The image with where each row's ink starts and ends, found reading inward from both ends of the
   * row.
   */
  private static InkImage withExtents(Rows rows, float[] ink) {
    int width = rows.width;
    int height = rows.repeats.length;
    int[] from = new int[height];
    int[] to = new int[height];
    for (int y = 0, row = 0; y < height; y++, row += width) {
      if (rows.repeats[y]) {
        from[y] = from[y - 1];
        to[y] = to[y - 1];
        continue;
      }
      int x = 0;
      while (x < width && ink[row + x] == 0f) {
        x++;
      }
      from[y] = x;
      int last = width - 1;
      while (last > x && ink[row + last] == 0f) {
        last--;
      }
      to[y] = x == width ? -1 : last;
    }
    return new InkImage(width, height, ink, from, to);
  }

  /** A transparent canvas: its strokes are in the alpha channel. */
  private static void fromAlpha(int[] argb, Rows rows, float floor, float[] ink) {
    int maxAlpha = 0;
    for (int y = 0, row = 0; y < rows.repeats.length; y++, row += rows.width) {
      if (!rows.repeats[y]) {
        maxAlpha = Math.max(maxAlpha, maxAlpha(argb, row, row + rows.width));
      }
    }
    float[] inkOfAlpha = new float[256];
    float range = range(0f, UNIT[maxAlpha]);
    for (int a = 0; a < inkOfAlpha.length; a++) {
      inkOfAlpha[a] = ink(UNIT[a], 0f, range, floor);
    }
    for (int y = 0, row = 0; y < rows.repeats.length; y++, row += rows.width) {
      if (!rows.copiedAbove(y, ink)) {
        inkOfAlpha(argb, row, row + rows.width, inkOfAlpha, ink);
      }
    }
  }

  private static int maxAlpha(int[] argb, int from, int to) {
    int max = 0;
    for (int i = from; i < to; i++) {
      max = Math.max(max, argb[i] >>> 24);
    }
    return max;
  }

  private static void inkOfAlpha(int[] argb, int from, int to, float[] inkOfAlpha, float[] ink) {
    for (int i = from; i < to; i++) {
      ink[i] = inkOfAlpha[argb[i] >>> 24];
    }
  }

  private static float maxBrightness(int[] argb, Rows rows, boolean invert) {
    int[] seen = ColourSlots.empty();
    float max = 0f;
    for (int y = 0, row = 0; y < rows.repeats.length; y++, row += rows.width) {
      if (!rows.repeats[y]) {
        max = Math.max(max, maxBrightness(argb, row, row + rows.width, seen, invert));
      }
    }
    return max;
  }

  /**
   * The brightest of the colours in argb[from..to) not yet in {@code seen}, which then holds them.
   */
  private static float maxBrightness(int[] argb, int from, int to, int[] seen, boolean invert) {
    float max = 0f;
    for (int i = from; i < to; i++) {
      int p = argb[i];
      int slot = ColourSlots.of(p);
      if (seen[slot] != p) { // a colour not met yet (or one that shares its slot)
        seen[slot] = p;
        max = Math.max(max, brightness(p, invert));
      }
    }
    return max;
  }

  private static void fromColour(
      int[] argb,
      Rows rows,
      boolean invert,
      float background,
      float range,
      float floor,
      float[] ink) {
    int[] seen = ColourSlots.empty();
    float[] inkOfSlot = new float[seen.length];
    for (int y = 0, row = 0; y < rows.repeats.length; y++, row += rows.width) {
      if (!rows.copiedAbove(y, ink)) {
        inkOfColour(
            argb, row, row + rows.width, seen, inkOfSlot, invert, background, range, floor, ink);
      }
    }
  }

  /** The ink of argb[from..to), each colour converted when first met and remembered in its slot. */
  private static void inkOfColour(
      int[] argb,
      int from,
      int to,
      int[] seen,
      float[] inkOfSlot,
      boolean invert,
      float background,
      float range,
      float floor,
      float[] ink) {
    for (int i = from; i < to; i++) {
      int p = argb[i];
      int slot = ColourSlots.of(p);
      if (seen[slot] != p) {
        seen[slot] = p;
        inkOfSlot[slot] = ink(brightness(p, invert), background, range, floor);
      }
      ink[i] = inkOfSlot[slot];
    }
  }

  /**
   * A direct-mapped table of colours: each ARGB value hashes to one slot, which remembers the last
   * colour it held.
   */
  private static final class ColourSlots {
    private static final int BITS = 10;

    static int of(int argb) {
      return (argb * 0x9E3779B1) >>> (32 - BITS);
    }

    /** A table holding no colour: each slot starts with a value that does not hash to it. */
    static int[] empty() {
      int[] slots = new int[1 << BITS]; // 0 hashes to slot 0
      slots[0] = 1;
      return slots;
    }
  }

  private static float brightness(int p, boolean invert) {
    return invert ? 1f - overWhite(p) : overWhite(p);
  }

  /** Brightness of a pixel composited over white, 0..1. */
  static float overWhite(int p) {
    float alpha = UNIT[p >>> 24];
    float l =
        (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
    return alpha * l + (1 - alpha);
  }

  /** The contrast between background and the brightest value; refuses pictures with too little. */
  private static float range(float background, float max) {
    float range = max - background;
    if (range < MIN_CONTRAST) {
      throw new NoDigitException("no digit found: the picture is blank or has too little contrast");
    }
    return range;
  }

  /** Maps {@code background..background + range} to 0..1 and drops what is under the floor. */
  private static float ink(float value, float background, float range, float floor) {
    float v = (value - background) / range;
    return v <= floor ? 0f : Math.min(1f, (v - floor) / (1 - floor));
  }

  /** The median brightness of the outermost pixels. */
  private static float borderMedian(int width, int height, int[] argb) {
    float[] border = new float[2 * width + 2 * height];
    int k = 0;
    for (int x = 0; x < width; x++) {
      border[k++] = overWhite(argb[x]);
      if (height > 1) {
        border[k++] = overWhite(argb[(height - 1) * width + x]);
      }
    }
    for (int y = 1; y < height - 1; y++) {
      border[k++] = overWhite(argb[y * width]);
      if (width > 1) {
        border[k++] = overWhite(argb[y * width + width - 1]);
      }
    }
    Arrays.sort(border, 0, k);
    return border[k / 2];
  }

  /**
   * The colour of at least {@link #PAPER_SHARE} of the outermost pixels: a canvas's paper, the rest
   * being strokes that run off its edge. Empty where there is none, as in a photo, whose paper
   * varies from pixel to pixel.
   */
  private static OptionalInt paperColour(int width, int height, int[] argb) {
    // Two passes over the border in place: this runs on every request, so it copies nothing.
    int n = borderLength(width, height);
    int candidate = argb[0]; // the majority colour, if there is one (Boyer and Moore's vote)
    int lead = 0;
    for (int i = 0; i < n; i++) {
      int p = borderPixel(width, height, argb, i);
      if (lead == 0) {
        candidate = p;
      }
      lead += p == candidate ? 1 : -1;
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
      count += borderPixel(width, height, argb, i) == candidate ? 1 : 0;
    }
    return count >= PAPER_SHARE * n ? OptionalInt.of(candidate) : OptionalInt.empty();
  }

  private static int borderLength(int width, int height) {
    return height == 1 || width == 1 ? width * height : 2 * width + 2 * (height - 2);
  }

  /**
   * The i-th outermost pixel: the top and bottom rows' pixels in pairs, then the left and right
   * columns' between them; a picture one pixel thin is all border.
   */
  private static int borderPixel(int width, int height, int[] argb, int i) {
    if (height == 1 || width == 1) {
      return argb[i];
    }
    if (i < 2 * width) {
      return argb[(i % 2 == 0 ? 0 : (height - 1) * width) + i / 2];
    }
    int row = (1 + (i - 2 * width) / 2) * width;
    return argb[i % 2 == 0 ? row : row + width - 1];
  }
}
