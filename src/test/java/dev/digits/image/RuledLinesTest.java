package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuledLinesTest {
  private static final int W = 200;
  private static final int H = 200;

  @Test
  void printedLinesGoAndTheStrokeCrossingThemStays() {
    float[] ink = new float[W * H];
    for (int y = 10; y < H; y += 25) { // ruled: a faint line every 25 rows, 2 px thick
      for (int x = 0; x < W; x++) {
        ink[y * W + x] = 0.3f;
        ink[(y + 1) * W + x] = 0.3f;
      }
    }
    for (int x = 0; x < W; x += 20) { // squared: columns too
      for (int y = 0; y < H; y++) {
        ink[y * W + x] = Math.max(ink[y * W + x], 0.3f);
      }
    }
    for (int y = 40; y < 160; y++) { // a stroke 10 px wide, off the columns
      for (int x = 95; x < 105; x++) {
        if (x % 20 != 0) {
          ink[y * W + x] = 1f;
        }
      }
    }
    assertTrue(RuledLines.remove(W, H, ink));
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean stroke = y >= 40 && y < 160 && x >= 95 && x < 105;
        if (!stroke) {
          assertEquals(0f, ink[y * W + x], "(" + x + ", " + y + ")");
        } else if (x % 20 != 0) {
          assertTrue(ink[y * W + x] >= 0.7f, "stroke at (" + x + ", " + y + ")");
        }
      }
    }
  }

  @Test
  void aThinStrokeTheHeightOfThePictureIsNoLine() {
    float[] ink = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 90; x < 94; x++) {
        ink[y * W + x] = 1f;
      }
    }
    float[] before = ink.clone();
    assertFalse(RuledLines.remove(W, H, ink));
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(ink));
  }
}
