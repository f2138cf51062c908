package dev.digits.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged app, started as the run command starts it (its own process, the prepared
 * Payara root): readiness turns down at once, the requests in flight are answered, new ones get 503
 * with Retry-After, and the process exits within the grace period, its log showing the drain.
 */
class GracefulShutdownIT {
  private static final int HELD = 4;
  private static final Path TARGET =
      Path.of(System.getProperty("server.args")).getParent().getParent();

  @Test
  void sigtermDrainsTheRequestsInFlightThenExits() throws Exception {
    try (Instance server = Instance.start("drain", 10)) {
      MnistDataset mnist = MnistFixture.test();
      List<RawHttp> held = new ArrayList<>();
      List<byte[]> bodies = new ArrayList<>();
      for (int i = 0; i < HELD; i++) {
        byte[] body = dataUrl(mnist.images()[i]);
        RawHttp c = new RawHttp(server.port);
        c.start("/digit/", body, body.length / 2); // half the body: the request stays in the app
        held.add(c);
        bodies.add(body);
      }
      RawHttp kept = new RawHttp(server.port);
      assertEquals(200, kept.post("/digit/cnn/", dataUrl(mnist.images()[0])).status());
      server.awaitInFlight(HELD);

      long sigterm = System.nanoTime();
      server.process.destroy(); // SIGTERM
      server.awaitStatus("/health/ready", 503, 2);
      assertEquals(503, server.http.get("/v2/health/ready").statusCode());
      assertTrue(
          millisSince(sigterm) < 2000, "readiness down " + millisSince(sigterm) + " ms after");

      RawHttp.Answer refused = kept.post("/digit/cnn/", dataUrl(mnist.images()[1]));
      assertEquals(503, refused.status(), refused.body());
      assertEquals("1", refused.headers().get("retry-after"));
      assertEquals("application/json", refused.headers().get("content-type"));
      assertTrue(refused.body().startsWith("{\"status\":503,\"error\":\""), refused.body());

      for (int i = 0; i < HELD; i++) {
        RawHttp.Answer a = held.get(i).finish(bodies.get(i), bodies.get(i).length / 2);
        assertEquals(200, a.status(), a.body());
        assertEquals(Integer.toString(mnist.labels()[i]), a.body());
      }
      assertTrue(server.process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after");
      long exited = millisSince(sigterm);
      String log = server.log();
      assertTrue(log.contains("draining: " + HELD + " in flight"), "no drain in the log");
      assertTrue(log.contains("drained in "), "no end of the drain in the log");
      System.out.println("graceful shutdown: exited " + exited + " ms after SIGTERM");
    }
  }

  @Test
  void theGracePeriodBoundsTheWaitForARequestThatNeverEnds() throws Exception {
    try (Instance server = Instance.start("grace", 2)) {
      byte[] body = dataUrl(MnistFixture.test().images()[0]);
      RawHttp stuck = new RawHttp(server.port);
      stuck.start("/digit/", body, 10);
      server.awaitInFlight(1);
      long sigterm = System.nanoTime();
      server.process.destroy();
      assertTrue(server.process.waitFor(12, TimeUnit.SECONDS), "still running 12 s after");
      long exited = millisSince(sigterm);
      assertTrue(exited >= 2000, "exited before the grace period: " + exited + " ms");
      assertTrue(
          server.log().contains("(the grace period) with 1 in flight"), "no give-up in the log");
      System.out.println("grace 2 s: exited " + exited + " ms after SIGTERM");
      stuck.close();
    }
  }

  private static byte[] dataUrl(float[] mnist) {
    return CanvasRenderer.dataUrl(
            CanvasRenderer.png(CanvasRenderer.render(mnist, Style.oldCanvas())))
        .getBytes(UTF_8);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * The packaged app on the prepared Payara root, as scripts/server.sh starts it, on a free port.
   */
  private static final class Instance implements AutoCloseable {
    final Process process;
    final int port;
    final Http http;
    final Path log;

    private Instance(Process process, int port, Path log) throws IOException {
      this.process = process;
      this.port = port;
      this.http = new Http(new URL("http://localhost:" + port + "/"));
      this.log = log;
    }

    static Instance start(String name, int graceSeconds) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path log = TARGET.resolve("graceful-shutdown-" + name + ".log");
      Process p =
          new ProcessBuilder(
                  "java",
                  "@" + System.getProperty("server.args"),
                  "-XX:SharedArchiveFile=" + TARGET.resolve("payara-micro.jsa"),
                  "-Ddigits.shutdown.grace=" + graceSeconds,
                  "-jar",
                  TARGET.resolve("payara-root/launch-micro.jar").toString(),
                  "--port",
                  Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Instance server = new Instance(p, port, log);
      server.awaitStatus("/v2/health/ready", 200, 180);
      return server;
    }

    void awaitStatus(String path, int status, int seconds) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (true) {
        int got;
        try {
          got = http.get(path).statusCode();
        } catch (RuntimeException e) {
          got = -1; // not listening yet
        }
        if (got == status) {
          return;
        }
        assertTrue(process.isAlive() || status != 200, "server died; see " + log);
        assertTrue(
            System.nanoTime() < deadline,
            path + " not " + status + " in " + seconds + " s; see " + log);
        Thread.sleep(50);
      }
    }

    /** Until the app counts that many requests in flight (their headers read, bodies pending). */
    void awaitInFlight(int n) throws Exception {
      for (int i = 0; i < 200; i++) {
        if (http.metricValue("digits_http_requests_in_flight") == n) {
          return;
        }
        Thread.sleep(25);
      }
      throw new AssertionError(n + " requests never in flight");
    }

    String log() throws IOException {
      return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
