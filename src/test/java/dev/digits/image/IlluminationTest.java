package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A photo's uneven light: shadow is paper, not ink, and evenly lit pictures are left alone. */
class IlluminationTest {
  private static final int SIDE = 280;

  @Test
  void aShadowedPhotoGivesTheInkOfTheEvenlyLitOne() {
    for (Light light : new Light[] {Light.GRADUAL, Light.SHARP_EDGE}) {
      for (int n = 0; n < 20; n++) {
        assertSameInk(n, light);
      }
    }
  }

  private static void assertSameInk(int n, Light light) {
    {
      BufferedImage even = digitOnPaper(n, Light.EVEN);
      BufferedImage shadowed = digitOnPaper(n, light);
      InkImage expected = ink(even);
      InkImage got = ink(shadowed);
      double diff = 0;
      int strayInk = 0;
      for (int i = 0; i < got.ink().length; i++) {
        diff += Math.abs(got.ink()[i] - expected.ink()[i]);
        strayInk += got.ink()[i] > 0 && !nearInk(expected, i % SIDE, i / SIDE) ? 1 : 0;
      }
      // Ink away from the digit's strokes would be read as strokes of its own.
      assertTrue(
          strayInk == 0, light + " digit " + n + ": " + strayInk + " pixels of shadow read as ink");
      assertTrue(diff / got.ink().length < 0.01, light + " digit " + n + " ink differs by " + diff);
    }
  }

  @Test
  void evenlyLitPicturesAreLeftAlone() {
    BufferedImage even = digitOnPaper(3, Light.EVEN);
    int[] argb = even.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
    assertTrue(Illumination.evened(SIDE, SIDE, argb) == null);
    // A grey paper and a little noise are even too: only light that varies is corrected.
    int[] noisy = argb.clone();
    for (int i = 0; i < noisy.length; i++) {
      int v = Math.max(0, (noisy[i] & 0xff) - 40 - (i * 7919 % 9));
      noisy[i] = 0xFF000000 | v << 16 | v << 8 | v;
    }
    assertTrue(Illumination.evened(SIDE, SIDE, noisy) == null);
    assertArrayEquals(
        InkExtractor.fromArgb(SIDE, SIDE, argb).ink(), ink(even).ink()); // same path, same ink
  }

  /** Whether the picture has ink within 3 pixels of (x, y): a stroke's soft edge may move. */
  private static boolean nearInk(InkImage image, int x, int y) {
    for (int dy = -3; dy <= 3; dy++) {
      for (int dx = -3; dx <= 3; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < SIDE && ny < SIDE && image.ink()[ny * SIDE + nx] > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static InkImage ink(BufferedImage picture) {
    return InkExtractor.fromArgb(SIDE, SIDE, picture.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE));
  }

  private enum Light {
    EVEN,
    /** Less from left to right, and less in a corner. */
    GRADUAL,
    /** A hard shadow's edge across the digit, the far side at 55 %. */
    SHARP_EDGE
  }

  /** An MNIST test digit on cream paper, lit as {@code light} says. */
  private static BufferedImage digitOnPaper(int index, Light light) {
    BufferedImage img =
        CanvasRenderer.render(
            MnistFixture.test().images()[index],
            new Style(SIDE, 40, 40, 200, new Color(30, 40, 130), new Color(235, 228, 205)));
    if (light != Light.EVEN) {
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          double d = Math.hypot(x, y) / 120;
          double lit =
              light == Light.GRADUAL
                  ? (1 - 0.3 * x / SIDE) * (1 - 0.35 * Math.exp(-d * d))
                  : x + 0.4 * y > 200 ? 0.55 : 1;
          int p = img.getRGB(x, y);
          int r = (int) (((p >> 16) & 0xff) * lit);
          int g = (int) (((p >> 8) & 0xff) * lit);
          int b = (int) ((p & 0xff) * lit);
          img.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
        }
      }
    }
    return img;
  }
}
