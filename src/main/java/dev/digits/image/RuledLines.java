package dev.digits.image;

/**
 * Takes the printed lines of ruled or squared paper out of a photo's ink. A printed line crosses
 * the whole picture (at least 85 % of its row or column has ink) at one level, so that level is the
 * row's median, where a digit's stroke crosses a row only for its width and leaves the median at
 * zero; it is fainter than the pen (at most 0.6, the strongest stroke being 1); and it is thin, so
 * the rows a few pixels away have a much lower median. A stroke that runs the length of the picture
 * (a 1 in a close-up) is the pen's own ink, the darkest there is. Such a row loses its median level
 * of ink: the line goes, and a stroke crossing it keeps what it has above the line's.
 */
final class RuledLines {
  /** How far (pixels) the rows beside a line are looked at: printed lines are thinner. */
  static final int BESIDE = 5;

  /** A row's median ink below this is no line. */
  static final float FAINTEST = 0.05f;

  /** A row's median ink above this is a pen's, not a printed line's. */
  static final float DARKEST = 0.6f;

  /** The share of a line's row that has ink. */
  static final float SPAN = 0.85f;

  private static final int LEVELS = 64;

  private RuledLines() {}

  /** Removes the lines from {@code ink} in place; whether there were any. */
  static boolean remove(int width, int height, float[] ink) {
    float[] rows = new float[height];
    for (int y = 0; y < height; y++) {
      rows[y] = lineLevel(ink, y * width, 1, width);
    }
    float[] columns = new float[width];
    for (int x = 0; x < width; x++) {
      columns[x] = lineLevel(ink, x, width, height);
    }
    boolean any = false;
    for (int y = 0; y < height; y++) {
      if (isLine(rows, y)) {
        any = true;
        lower(ink, y * width, 1, width, rows[y]);
      }
    }
    for (int x = 0; x < width; x++) {
      if (isLine(columns, x)) {
        any = true;
        lower(ink, x, width, height, columns[x]);
      }
    }
    return any;
  }

  private static boolean isLine(float[] medians, int i) {
    float level = medians[i];
    if (level < FAINTEST) {
      return false;
    }
    float before = i - BESIDE >= 0 ? medians[i - BESIDE] : 0;
    float after = i + BESIDE < medians.length ? medians[i + BESIDE] : 0;
    return Math.max(before, after) < level / 2;
  }

  /**
   * The median of {@code count} values from {@code start}, {@code step} apart (in 64 levels) where
   * they could be a printed line's: nearly all inked, and no darker than {@link #DARKEST}; else 0.
   */
  private static float lineLevel(float[] ink, int start, int step, int count) {
    int[] histogram = new int[LEVELS];
    for (int k = 0, i = start; k < count; k++, i += step) {
      histogram[Math.min(LEVELS - 1, (int) (ink[i] * LEVELS))]++;
    }
    if (histogram[0] > (1 - SPAN) * count) {
      return 0f;
    }
    int seen = 0;
    for (int level = 0; level < LEVELS; level++) {
      seen += histogram[level];
      if (2 * seen > count) {
        float median = level / (float) LEVELS;
        return median <= DARKEST ? median : 0f;
      }
    }
    return 0f;
  }

  private static void lower(float[] ink, int start, int step, int count, float level) {
    for (int k = 0, i = start; k < count; k++, i += step) {
      float v = ink[i] - level;
      ink[i] = v <= InkExtractor.NOISE_FLOOR ? 0f : v;
    }
  }
}
