package dev.digits.recognition.boundary;

import dev.digits.image.RejectedImageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body into memory, refusing it once it passes the size limit. A refused body is
 * read to its end (up to a bound) before answering, so clients that send the whole body before
 * reading the answer still get the 413 instead of a reset connection.
 */
public final class BodyReader {
  static final int MAX_BYTES = ApiLimits.MAX_BODY_BYTES;
  static final long MAX_DRAINED = 64L * 1024 * 1024;

  /**
   * A declared length is believed up to this size; a larger body's array grows as its bytes arrive.
   */
  static final int MAX_PREALLOCATED = 1024 * 1024;

  private BodyReader() {}

  /** The body, refused as too large past {@link #MAX_BYTES}; {@code contentLength} may be null. */
  public static byte[] read(InputStream in, String contentLength) {
    if (in == null) {
      return new byte[0];
    }
    try {
      long declared = declaredLength(contentLength);
      if (declared > MAX_BYTES) {
        drain(in, 0);
        throw tooLarge();
      }
      if (declared >= 0 && declared <= MAX_PREALLOCATED) {
        return readDeclared(in, (int) declared);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BYTES) {
          drain(in, out.size());
          throw tooLarge();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      // The client went away or sent a broken chunked body: its problem to fix, not a server
      // failure.
      throw RejectedImageException.malformed("the request body could not be read to its end");
    }
  }

  /**
   * A body of known length, read into one array of that size: no growing buffer and no final copy
   * (a canvas is about 30 KB; growing and copying allocated three times that per request).
   */
  private static byte[] readDeclared(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int filled = 0;
    int n;
    while (filled < length && (n = in.read(body, filled, length - filled)) >= 0) {
      filled += n;
    }
    return filled == length ? body : Arrays.copyOf(body, filled);
  }

  /** The Content-Length as a number, or -1 where there is none or it is not one. */
  private static long declaredLength(String contentLength) {
    if (contentLength == null || contentLength.isEmpty() || contentLength.length() > 18) {
      return -1;
    }
    for (int i = 0; i < contentLength.length(); i++) {
      if (contentLength.charAt(i) < '0' || contentLength.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(contentLength);
  }

  private static void drain(InputStream in, long alreadyRead) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = alreadyRead;
    int n;
    while (total < MAX_DRAINED && (n = in.read(buf)) >= 0) {
      total += n;
    }
  }

  private static RejectedImageException tooLarge() {
    return RejectedImageException.tooLarge(
        "request body is over the " + (MAX_BYTES >> 20) + " MiB limit");
  }
}
