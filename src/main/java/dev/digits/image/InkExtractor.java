package dev.digits.image;

import java.util.Arrays;

/**
 * Turns ARGB pixels into ink. Transparency first: a canvas never filled has its strokes only in the
 * alpha channel, so a mostly transparent picture is read by its alpha; otherwise it is flattened onto
 * white. Then polarity: the border's median brightness is the background, and ink is whatever
 * differs from it, scaled so the strongest stroke is 1, whether dark on light or light on dark.
 */
public final class InkExtractor {
  /** Below this contrast with the background (0..1) a picture counts as blank. */
  static final float MIN_CONTRAST = 0.15f;
  /** Ink under this level is background texture (JPEG noise, paper grain) and is dropped. */
  static final float NOISE_FLOOR = 0.1f;

  private InkExtractor() {}

  public static InkImage fromArgb(int width, int height, int[] argb) {
    float[] alpha = new float[argb.length];
    double alphaSum = 0;
    for (int i = 0; i < argb.length; i++) {
      alpha[i] = (argb[i] >>> 24) / 255f;
      alphaSum += alpha[i];
    }
    if (alphaSum / argb.length < 0.5) {
      return normalised(width, height, alpha, 0f);
    }
    float[] luma = new float[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      float l = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
      luma[i] = alpha[i] * l + (1 - alpha[i]); // over white
    }
    float background = borderMedian(width, height, luma);
    if (background >= 0.5f) {
      for (int i = 0; i < luma.length; i++) {
        luma[i] = 1f - luma[i]; // dark ink on light paper: invert so ink is bright
      }
      background = 1f - background;
    }
    return normalised(width, height, luma, background);
  }

  /** Maps {@code background..brightest} to 0..1, drops the noise floor, refuses pictures with no contrast. */
  private static InkImage normalised(int width, int height, float[] values, float background) {
    float max = 0f;
    for (float v : values) {
      max = Math.max(max, v);
    }
    float range = max - background;
    if (range < MIN_CONTRAST) {
      throw new NoDigitException("no digit found: the picture is blank or has too little contrast");
    }
    float[] ink = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      float v = (values[i] - background) / range;
      ink[i] = v <= NOISE_FLOOR ? 0f : Math.min(1f, (v - NOISE_FLOOR) / (1 - NOISE_FLOOR));
    }
    return new InkImage(width, height, ink);
  }

  private static float borderMedian(int width, int height, float[] values) {
    int n = height == 1 || width == 1 ? values.length : 2 * width + 2 * (height - 2);
    float[] border = new float[n];
    int k = 0;
    for (int i = 0; i < values.length && k < n; i++) {
      int x = i % width;
      int y = i / width;
      if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
        border[k++] = values[i];
      }
    }
    Arrays.sort(border, 0, k);
    return border[k / 2];
  }
}
