package dev.digits.image;

import java.util.Arrays;

/**
 * The picture formats we decode, recognised by their first bytes rather than by what a client
 * claims.
 */
public enum ImageFormat {
  PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
  JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  GIF(new byte[] {'G', 'I', 'F', '8'}),
  BMP(new byte[] {'B', 'M'});

  private final byte[] magic;

  ImageFormat(byte[] magic) {
    this.magic = magic;
  }

  /** The format whose signature {@code bytes} start with, or null. */
  public static ImageFormat sniff(byte[] bytes) {
    for (ImageFormat f : values()) {
      if (bytes.length >= f.magic.length
          && Arrays.equals(bytes, 0, f.magic.length, f.magic, 0, f.magic.length)) {
        return f;
      }
    }
    return null;
  }
}
