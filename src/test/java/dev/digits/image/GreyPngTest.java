package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GreyPngTest {
  @Test
  void imageIoReadsBackEveryGreyLevel() throws Exception {
    Random random = new Random(7);
    for (int[] size : new int[][] {{28, 28}, {1, 1}, {5, 3}, {300, 2}}) {
      byte[] grey = new byte[size[0] * size[1]];
      random.nextBytes(grey);
      BufferedImage read =
          ImageIO.read(new ByteArrayInputStream(GreyPng.encode(grey, size[0], size[1])));
      assertEquals(BufferedImage.TYPE_BYTE_GRAY, read.getType());
      assertEquals(size[0], read.getWidth());
      assertEquals(size[1], read.getHeight());
      for (int i = 0; i < grey.length; i++) {
        assertEquals(
            grey[i] & 0xFF, read.getRaster().getSample(i % size[0], i / size[0], 0), "pixel " + i);
      }
    }
  }

  @Test
  void theProjectsOwnDecoderReadsItAsTheBrowserShowsIt() {
    byte[] grey = {0, (byte) 128, (byte) 255, 64};
    ImageDecoder.Pixels pixels = FastPng.decode(GreyPng.encode(grey, 2, 2));
    assertEquals(0xFF808080, pixels.argb()[1]);
    assertEquals(0xFFFFFFFF, pixels.argb()[2]);
  }

  @Test
  void refusesPixelsThatAreNotTheSize() {
    assertThrows(IllegalArgumentException.class, () -> GreyPng.encode(new byte[5], 2, 2));
  }
}
