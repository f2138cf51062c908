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

  /** {@code UNIT[v] == v / 255f}: a channel's value as a fraction. */
  private static final float[] UNIT = new float[256];

  static {
    for (int v = 0; v < UNIT.length; v++) {
      UNIT[v] = v / 255f;
    }
  }

  // Canvas pictures are mostly one background colour, so the brightness and normalising passes
  // remember the last pixel they converted and reuse the result; the arithmetic per pixel is unchanged.
  public static InkImage fromArgb(int width, int height, int[] argb) {
    long alphaSum = 0;
    for (int p : argb) {
      alphaSum += p >>> 24;
    }
    float[] values = new float[argb.length];
    float max = 0f;
    if (2 * alphaSum < 255L * argb.length) { // mean opacity under one half
      for (int i = 0; i < argb.length; i++) {
        values[i] = UNIT[argb[i] >>> 24];
        max = Math.max(max, values[i]);
      }
      return normalised(width, height, values, 0f, max);
    }
    float background = borderMedian(width, height, argb);
    boolean invert = background >= 0.5f; // dark ink on light paper: invert so ink is bright
    int last = ~argb[0];
    float lastValue = 0f;
    for (int i = 0; i < argb.length; i++) {
      if (argb[i] != last) {
        last = argb[i];
        lastValue = invert ? 1f - overWhite(last) : overWhite(last);
        max = Math.max(max, lastValue);
      }
      values[i] = lastValue;
    }
    return normalised(width, height, values, invert ? 1f - background : background, max);
  }

  /** Brightness of a pixel composited over white, 0..1. */
  private static float overWhite(int p) {
    float alpha = UNIT[p >>> 24];
    float l = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
    return alpha * l + (1 - alpha);
  }

  /** Maps {@code background..brightest} to 0..1 in place, drops the noise floor, refuses pictures with no contrast. */
  private static InkImage normalised(int width, int height, float[] values, float background, float max) {
    float range = max - background;
    if (range < MIN_CONTRAST) {
      throw new NoDigitException("no digit found: the picture is blank or has too little contrast");
    }
    float last = Float.NaN;
    float lastInk = 0f;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != last) {
        last = values[i];
        float v = (last - background) / range;
        lastInk = v <= NOISE_FLOOR ? 0f : Math.min(1f, (v - NOISE_FLOOR) / (1 - NOISE_FLOOR));
      }
      values[i] = lastInk;
    }
    return new InkImage(width, height, values);
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
}
