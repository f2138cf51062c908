package dev.digits.it;

import dev.digits.mnist.CanvasRenderer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Unusual but valid pictures, and headers that lie about their size, for the robustness tests. */
final class Images {
  private Images() {}

  static BufferedImage rgb(BufferedImage argb) {
    BufferedImage rgb =
        new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
    g.drawImage(argb, 0, 0, null);
    g.dispose();
    return rgb;
  }

  static BufferedImage blank(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  /** A 16-bit greyscale PNG of the digit. */
  static byte[] png16(BufferedImage digit) {
    BufferedImage img =
        new BufferedImage(digit.getWidth(), digit.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
    Graphics2D g = img.createGraphics();
    g.drawImage(rgb(digit), 0, 0, null);
    g.dispose();
    return CanvasRenderer.png(img);
  }

  /** A palette (indexed colour) PNG of the digit. */
  static byte[] palettePng(BufferedImage digit) {
    byte[] grey = new byte[256];
    for (int i = 0; i < 256; i++) {
      grey[i] = (byte) i;
    }
    BufferedImage img =
        new BufferedImage(
            digit.getWidth(),
            digit.getHeight(),
            BufferedImage.TYPE_BYTE_INDEXED,
            new IndexColorModel(8, 256, grey, grey, grey));
    Graphics2D g = img.createGraphics();
    g.drawImage(rgb(digit), 0, 0, null);
    g.dispose();
    return CanvasRenderer.png(img);
  }

  /** A four-channel (CMYK-style) JPEG of the digit: its ink in the K channel. */
  static byte[] cmykJpeg(BufferedImage digit) {
    int w = digit.getWidth();
    int h = digit.getHeight();
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    BufferedImage rgb = rgb(digit);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.setSample(x, y, 3, 255 - (rgb.getRGB(x, y) & 0xff));
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** A two-frame animated GIF: the digit, then a blank frame. */
  static byte[] animatedGif(BufferedImage digit) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      BufferedImage first = rgb(digit);
      for (BufferedImage frame :
          new BufferedImage[] {first, rgb(blank(digit.getWidth(), digit.getHeight()))}) {
        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
        IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", "50");
        gce.setAttribute("transparentColorIndex", "0");
        root.appendChild(gce);
        meta.setFromTree("javax_imageio_gif_image_1.0", root);
        writer.writeToSequence(new IIOImage(frame, null, meta), null);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** A GIF whose logical screen and first image claim w x h, with almost no data. */
  static byte[] hugeGif(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GIF89a".getBytes())
        .putShort((short) w)
        .putShort((short) h)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0);
    b.put((byte) 0x2C)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) w)
        .putShort((short) h)
        .put((byte) 0);
    b.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
    return Arrays.copyOf(b.array(), b.position());
  }

  /** A BMP header claiming w x h at 24 bits with no pixel data. */
  static byte[] hugeBmp(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
    b.putInt(40)
        .putInt(w)
        .putInt(h)
        .putShort((short) 1)
        .putShort((short) 24)
        .putInt(0)
        .putInt(0)
        .putInt(2835)
        .putInt(2835)
        .putInt(0)
        .putInt(0);
    return b.array();
  }

  /** A JPEG whose frame header claims w x h, with no scan data. */
  static byte[] hugeJpeg(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.put((byte) 0xFF).put((byte) 0xD8);
    b.put((byte) 0xFF)
        .put((byte) 0xC0)
        .putShort((short) 11)
        .put((byte) 8)
        .putShort((short) h)
        .putShort((short) w)
        .put((byte) 1)
        .put((byte) 1)
        .put((byte) 0x11)
        .put((byte) 0);
    b.put((byte) 0xFF).put((byte) 0xD9);
    return Arrays.copyOf(b.array(), b.position());
  }
}
