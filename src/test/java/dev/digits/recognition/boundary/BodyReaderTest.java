package dev.digits.recognition.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digits.image.RejectedImageException;
import dev.digits.image.RejectedImageException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** Hands out at most a few bytes per read, as a socket does. */
  private static InputStream trickling(byte[] b) {
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] into, int off, int len) {
        return super.read(into, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void bodyOfDeclaredLength() {
    byte[] body = bytes(30_000);
    assertArrayEquals(body, BodyReader.read(trickling(body), "30000"));
    assertArrayEquals(new byte[0], BodyReader.read(trickling(new byte[0]), "0"));
  }

  @Test
  void bodyWithoutUsableLengthIsReadToItsEnd() {
    byte[] body = bytes(70_000);
    for (String length : new String[] {null, "", "30k", "-5", "1234567890123456789012"}) {
      assertArrayEquals(body, BodyReader.read(trickling(body), length), String.valueOf(length));
    }
  }

  @Test
  void largeDeclaredBodyGrowsAsItArrives() {
    byte[] body = bytes(BodyReader.MAX_PREALLOCATED + 1);
    assertArrayEquals(
        body, BodyReader.read(new ByteArrayInputStream(body), Integer.toString(body.length)));
  }

  @Test
  void bodyShorterThanDeclaredIsWhatArrived() {
    byte[] body = bytes(100);
    assertArrayEquals(body, BodyReader.read(trickling(body), "500"));
  }

  @Test
  void oversizedBodyIsRefusedDeclaredOrNot() {
    byte[] body = bytes(BodyReader.MAX_BYTES + 1);
    assertEquals(
        Reason.TOO_LARGE,
        assertThrows(
                RejectedImageException.class,
                () ->
                    BodyReader.read(new ByteArrayInputStream(body), Integer.toString(body.length)))
            .reason());
    assertEquals(
        Reason.TOO_LARGE,
        assertThrows(
                RejectedImageException.class,
                () -> BodyReader.read(new ByteArrayInputStream(body), null))
            .reason());
  }

  @Test
  void brokenStreamIsTheClientsFault() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };
    assertEquals(
        Reason.MALFORMED,
        assertThrows(RejectedImageException.class, () -> BodyReader.read(broken, "10")).reason());
    assertEquals(
        Reason.MALFORMED,
        assertThrows(RejectedImageException.class, () -> BodyReader.read(broken, null)).reason());
  }
}
