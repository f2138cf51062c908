package dev.digits.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection on a plain socket, for what a client library hides: a body sent in two
 * parts with a pause between, and several requests on one kept-alive connection.
 */
final class RawHttp implements AutoCloseable {
  /** An answer: status, headers (names in lower case) and body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) {
    try {
      socket = new Socket("localhost", port);
      socket.setSoTimeout(60_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends the request line, headers and the first {@code sent} bytes of the body. */
  void start(String path, byte[] body, int sent) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    write(head.getBytes(UTF_8));
    write(java.util.Arrays.copyOf(body, sent));
  }

  /** Sends the rest of the body {@link #start} began, and reads the answer. */
  Answer finish(byte[] body, int sent) {
    write(java.util.Arrays.copyOfRange(body, sent, body.length));
    return read();
  }

  Answer post(String path, byte[] body) {
    start(path, body, body.length);
    return read();
  }

  private void write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer read() {
    try {
      String statusLine = line();
      Map<String, String> headers = new TreeMap<>();
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int n = chunkSize(); n > 0; n = chunkSize()) {
          chunks.write(in.readNBytes(n));
          line(); // the CRLF after the chunk
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
          // trailers: none expected
        }
        body = chunks.toByteArray();
      } else {
        body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      }
      return new Answer(
          Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int chunkSize() throws IOException {
    String size = line();
    int semicolon = size.indexOf(';');
    return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket the server may have closed already
    }
  }
}
