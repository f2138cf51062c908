package dev.digits.image;

import java.util.Arrays;

/**
 * Evens out the light on a photo of paper: a shadow or light falling from one side makes the paper
 * darker in places than the ink is elsewhere, so one background level for the whole picture reads
 * shadow as ink. Whether the light is uneven is judged on the border's paper, estimated in blocks
 * (the brightest pixel of each, then the median of it and its eight neighbours, so that a block
 * covered by a stroke takes its neighbours' paper). Where it is, each pixel is divided by the
 * paper's level there: the picture's {@link Closing} with a window of two blocks, which takes the
 * strokes away and follows a gradient and a shadow's sharp edge alike. Pictures lit evenly (a
 * canvas, a scan) are left alone, so their ink is exactly what it was.
 */
final class Illumination {
  /** Paper whose brightness varies by less than this around the border counts as evenly lit. */
  static final float EVEN = 0.08f;

  private Illumination() {}

  /**
   * The picture with its paper brought to white, as opaque grey pixels; null where the border is
   * evenly lit or the paper is dark (light ink on a dark ground is read as it is).
   */
  static int[] evened(int width, int height, int[] argb) {
    int block = Math.max(8, Math.min(width, height) / 12);
    int cols = (width + block - 1) / block;
    int rows = (height + block - 1) / block;
    if (cols < 3 || rows < 3) {
      return null;
    }
    float[] light = new float[argb.length];
    float[] brightest = new float[cols * rows];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        light[i] = InkExtractor.overWhite(argb[i]);
        int b = (y / block) * cols + x / block;
        brightest[b] = Math.max(brightest[b], light[i]);
      }
    }
    float[] paper = new float[brightest.length];
    float[] around = new float[9];
    for (int by = 0; by < rows; by++) {
      for (int bx = 0; bx < cols; bx++) {
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int ny = by + dy;
            int nx = bx + dx;
            if (ny >= 0 && ny < rows && nx >= 0 && nx < cols) {
              around[n++] = brightest[ny * cols + nx];
            }
          }
        }
        Arrays.sort(around, 0, n);
        paper[by * cols + bx] = around[n / 2];
      }
    }
    if (!unevenLightPaper(paper, cols, rows)) {
      return null;
    }
    float[] level = Closing.of(light, width, height, block);
    int[] out = new int[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int v = (int) Math.round(255 * Math.min(1, light[i] / Math.max(level[i], 1e-3f)));
      out[i] = 0xFF000000 | v << 16 | v << 8 | v;
    }
    return out;
  }

  /** Whether the border blocks' paper is light on the whole but varies by {@link #EVEN} or more. */
  private static boolean unevenLightPaper(float[] paper, int cols, int rows) {
    float min = 1;
    float max = 0;
    double sum = 0;
    int n = 0;
    for (int by = 0; by < rows; by++) {
      for (int bx = 0; bx < cols; bx++) {
        if (by == 0 || bx == 0 || by == rows - 1 || bx == cols - 1) {
          float p = paper[by * cols + bx];
          min = Math.min(min, p);
          max = Math.max(max, p);
          sum += p;
          n++;
        }
      }
    }
    return sum / n >= 0.5 && max - min >= EVEN;
  }
}
