package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The direct PNG path must give exactly the pixels ImageIO gives, or step aside. */
class FastPngTest {
  @Test
  void canvasPngsDecodeExactlyAsImageIoDoes() throws Exception {
    for (int i = 0; i < 60; i++) {
      Style style =
          i % 3 == 0
              ? Style.oldCanvas()
              : i % 3 == 1
                  ? new Style(280, 20, 30, 150, Color.BLACK, null)
                  : new Style(300, 0, 0, 300, Color.WHITE, Color.BLACK);
      BufferedImage canvas = CanvasRenderer.render(MnistFixture.test().images()[i], style);
      byte[][] pngs = {CanvasRenderer.png(canvas), CanvasRenderer.png(rgb(canvas))};
      for (byte[] png : pngs) {
        ImageDecoder.Pixels fast = FastPng.decode(png);
        assertNotNull(fast, "image " + i);
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(png));
        int w = reference.getWidth();
        assertEquals(w, fast.width());
        assertArrayEquals(
            reference.getRGB(0, 0, w, reference.getHeight(), null, 0, w),
            fast.argb(),
            "image " + i);
      }
    }
  }

  @Test
  void pixelDataSplitOverSeveralChunksIsJoined() throws Exception {
    byte[] png =
        CanvasRenderer.png(
            CanvasRenderer.render(MnistFixture.test().images()[1], Style.oldCanvas()));
    byte[] split = withIdatSplit(png, 3);
    assertEquals(png.length + 2 * 12, split.length);
    assertArrayEquals(FastPng.decode(png).argb(), FastPng.decode(split).argb());
  }

  @Test
  void greyPngsDecodeAsBrowsersShowThem() throws Exception {
    BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < 784; i++) {
      grey.getRaster()
          .setSample(i % 28, i / 28, 0, Math.round(MnistFixture.test().images()[7][i] * 255));
    }
    byte[] png = CanvasRenderer.png(grey);
    int[] argb = FastPng.decode(png).argb();
    for (int i = 0; i < 784; i++) {
      int v = grey.getRaster().getSample(i % 28, i / 28, 0);
      assertEquals(0xff000000 | v << 16 | v << 8 | v, argb[i], "pixel " + i);
    }
    // ImageIO's own path (a grey JPEG, an interlaced or 16-bit PNG) gives the same greys.
    assertArrayEquals(
        argb, ImageDecoder.decode(EncodedImage.of(CanvasRenderer.encode(grey, "bmp"))).argb());
  }

  @Test
  void otherKindsOfPngAreLeftToImageIo() {
    BufferedImage indexed = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_INDEXED);
    assertNull(FastPng.decode(CanvasRenderer.png(indexed)));
    byte[] png =
        CanvasRenderer.png(
            CanvasRenderer.render(MnistFixture.test().images()[0], Style.oldCanvas()));
    assertNull(FastPng.decode(Arrays.copyOf(png, png.length / 2)), "truncated: ImageIO decides");
  }

  /** The same PNG with its one IDAT chunk cut into {@code parts} chunks, each with its CRC. */
  private static byte[] withIdatSplit(byte[] png, int parts) {
    ByteBuffer in = ByteBuffer.wrap(png);
    ByteBuffer out = ByteBuffer.allocate(png.length + 12 * (parts - 1));
    out.put(png, 0, 8);
    in.position(8);
    while (in.hasRemaining()) {
      int length = in.getInt();
      int type = in.getInt();
      int data = in.position();
      in.position(data + length + 4);
      int[] cuts =
          type == 0x49444154
              ? new int[] {0, length / parts, 2 * length / parts, length}
              : new int[] {0, length};
      for (int k = 0; k + 1 < cuts.length; k++) {
        CRC32 crc = new CRC32();
        out.putInt(cuts[k + 1] - cuts[k])
            .putInt(type)
            .put(png, data + cuts[k], cuts[k + 1] - cuts[k]);
        crc.update(png, data - 4, 4);
        crc.update(png, data + cuts[k], cuts[k + 1] - cuts[k]);
        out.putInt((int) crc.getValue());
      }
    }
    return out.array();
  }

  private static BufferedImage rgb(BufferedImage argb) {
    BufferedImage out =
        new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(argb, 0, 0, null);
    return out;
  }
}
