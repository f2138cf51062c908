package dev.digits.recognition.boundary;

import dev.digits.image.RejectedImageException;
import dev.digits.image.RejectedImageException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory, refusing it once it passes the size limit. A refused body is
 * read to its end (up to a bound) before answering, so clients that send the whole body before
 * reading the answer still get the 413 instead of a reset connection.
 */
final class BodyReader {
  static final int MAX_BYTES = 10 * 1024 * 1024;
  static final long MAX_DRAINED = 64L * 1024 * 1024;

  private BodyReader() {}

  static byte[] read(InputStream in, String contentLength) {
    if (in == null) {
      return new byte[0];
    }
    try {
      if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > MAX_BYTES) {
        drain(in, 0);
        throw tooLarge();
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
      // The client went away or sent a broken chunked body: its problem to fix, not a server failure.
      throw new RejectedImageException(Reason.MALFORMED, "the request body could not be read to its end");
    }
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
    return new RejectedImageException(Reason.TOO_LARGE, "request body is over the 10 MiB limit");
  }
}
