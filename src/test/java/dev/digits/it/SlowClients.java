package dev.digits.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that send a request's headers, then its body a byte at a time, a few bytes a second: what
 * a slow mobile link or a slowloris attack looks like to a server. Each holds its connection open
 * until closed.
 */
final class SlowClients implements AutoCloseable {
  private static final int BODY_BYTES = 20_000; // never all sent: the body stays incomplete
  private final List<Socket> sockets = new ArrayList<>();
  private final Thread trickler;
  private volatile IOException lost;

  SlowClients(int port, int count, String path) throws IOException {
    for (int i = 0; i < count; i++) {
      Socket s = new Socket("127.0.0.1", port);
      s.getOutputStream()
          .write(
              ("POST "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + BODY_BYTES
                      + "\r\n\r\n\"data:image/png;base64,")
                  .getBytes(StandardCharsets.US_ASCII));
      sockets.add(s);
    }
    trickler = new Thread(this::trickle, "slow-clients");
    trickler.setDaemon(true);
    trickler.start();
  }

  /** One byte to each client's body every 300 ms: about 3 bytes a second each. */
  private void trickle() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (Socket s : sockets) {
          OutputStream out = s.getOutputStream();
          out.write('A');
          out.flush();
        }
        Thread.sleep(300);
      }
    } catch (IOException e) {
      lost = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    trickler.interrupt();
    try {
      trickler.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Socket s : sockets) {
      s.close();
    }
    if (lost != null) {
      throw new IOException("a slow client lost its connection before the end", lost);
    }
  }
}
