package dev.digits.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.servers.StockServer;
import dev.digits.servers.StockServer.Kind;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGTERM on the packaged app, on each server started as a user starts it ({@link StockServer}: its
 * own process, Payara Micro as the run command starts it), the signal sent to the process started
 * as an orchestrator sends it: readiness turns down at once (the server's own MicroProfile Health
 * too), the requests in flight are answered, new ones get 503 with Retry-After, and the server
 * exits within the grace period, its log showing the drain. {@code -Dgraceful.servers=WILDFLY,...}
 * runs the first test on those servers only.
 */
class GracefulShutdownIT {
  private static final int HELD = 4;
  private static final int GRACE = 10;
  private static final Path WORK = Path.of("target/graceful-shutdown");
  private static final Path WAR = Path.of(System.getProperty("war.file", "target/ROOT.war"));

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"PAYARA_TUNED", "WILDFLY", "GLASSFISH", "LIBERTY"})
  void sigtermDrainsTheRequestsInFlightThenExits(Kind kind) throws Exception {
    assumeTrue(System.getProperty("graceful.servers", kind.name()).contains(kind.name()));
    long begin = System.nanoTime();
    MnistDataset mnist = MnistFixture.test();
    try (StockServer server = start(kind, GRACE)) {
      Http http = http(server);
      double ready =
          server.awaitFirstPrediction(
              new String(dataUrl(mnist.images()[0]), UTF_8), Duration.ofSeconds(240));
      awaitStatus(server, http, "/health/ready", 200, 60);
      int port = server.port();
      List<RawHttp> held = new ArrayList<>();
      List<byte[]> bodies = new ArrayList<>();
      for (int i = 0; i < HELD; i++) {
        byte[] body = dataUrl(mnist.images()[i]);
        RawHttp c = new RawHttp(port);
        c.start("/digit/", body, body.length / 2); // half the body: the request stays in the app
        held.add(c);
        bodies.add(body);
      }
      RawHttp kept = new RawHttp(port);
      assertEquals(200, kept.post("/digit/cnn/", dataUrl(mnist.images()[0])).status());
      awaitInFlight(http, HELD);

      long sigterm = System.nanoTime();
      server.sigterm();
      HttpResponse<String> readiness = awaitStatus(server, http, "/health/ready", 503, 2);
      long down = millisSince(sigterm);
      assertTrue(readiness.body().contains("draining"), kind.label + ": " + readiness.body());
      assertEquals(503, http.get("/v2/health/ready").statusCode());
      if (kind == Kind.WILDFLY) {
        // WildFly's own MicroProfile Health, on its management port (the app's port has the app's).
        Http management = new Http(new URL("http://localhost:" + (port - 8080 + 9990) + "/"));
        HttpResponse<String> own = management.get("/health/ready");
        assertEquals(503, own.statusCode(), own.body());
        assertTrue(own.body().contains("draining"), own.body());
      }
      assertTrue(down < 2000, "readiness down " + down + " ms after");

      RawHttp.Answer refused = kept.post("/digit/cnn/", dataUrl(mnist.images()[1]));
      assertEquals(503, refused.status(), refused.body());
      assertEquals("1", refused.headers().get("retry-after"));
      assertTrue(
          refused.headers().get("content-type").startsWith("application/json"),
          refused.headers().toString());
      assertTrue(refused.body().startsWith("{\"status\":503,\"error\":\""), refused.body());

      for (int i = 0; i < HELD; i++) {
        RawHttp.Answer a = held.get(i).finish(bodies.get(i), bodies.get(i).length / 2);
        assertEquals(200, a.status(), a.body());
        assertEquals(Integer.toString(mnist.labels()[i]), a.body());
      }
      assertTrue(
          server.awaitExit(Duration.ofSeconds(GRACE)),
          kind.label + " still running " + GRACE + " s after SIGTERM");
      long exited = millisSince(sigterm);
      String log = server.logText();
      assertTrue(log.contains("draining: " + HELD + " in flight"), "no drain in the log");
      assertTrue(log.contains("drained in "), "no end of the drain in the log");
      System.out.printf(
          "graceful shutdown on %s: first prediction %.1f s after start, readiness down %d ms and"
              + " exit %d ms after SIGTERM, test %.1f s%n",
          kind.label, ready, down, exited, (System.nanoTime() - begin) / 1e9);
    }
  }

  @Test
  void theGracePeriodBoundsTheWaitForARequestThatNeverEnds() throws Exception {
    MnistDataset mnist = MnistFixture.test();
    try (StockServer server = start(Kind.PAYARA_TUNED, 2)) {
      Http http = http(server);
      byte[] body = dataUrl(mnist.images()[0]);
      server.awaitFirstPrediction(new String(body, UTF_8), Duration.ofSeconds(240));
      int port = server.port();
      RawHttp stuck = new RawHttp(port);
      stuck.start("/digit/", body, 10);
      awaitInFlight(http, 1);
      long sigterm = System.nanoTime();
      server.sigterm();
      assertTrue(server.awaitExit(Duration.ofSeconds(12)), "still running 12 s after");
      long exited = millisSince(sigterm);
      assertTrue(exited >= 2000, "exited before the grace period: " + exited + " ms");
      assertTrue(
          server.logText().contains("(the grace period) with 1 in flight"),
          "no give-up in the log");
      System.out.println("grace 2 s: exited " + exited + " ms after SIGTERM");
      stuck.close();
    }
  }

  /**
   * The server on ports of its own (clear of the other tests' servers: GlassFish takes its port -80
   * to about +100), the drain's grace period given as a system property.
   */
  private static StockServer start(Kind kind, int graceSeconds) throws Exception {
    int port =
        switch (kind) {
          case PAYARA_TUNED, PAYARA -> freePort();
          case WILDFLY -> 28080;
          case GLASSFISH -> 28280;
          case LIBERTY -> 28480;
        };
    return StockServer.start(
        kind,
        WORK.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)),
        port,
        "1g",
        WAR,
        List.of("-Ddigits.shutdown.grace=" + graceSeconds));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Http http(StockServer server) throws Exception {
    return new Http(new URL(server.url("/")));
  }

  private static HttpResponse<String> awaitStatus(
      StockServer server, Http http, String path, int status, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      HttpResponse<String> got = null;
      try {
        got = http.get(path);
      } catch (RuntimeException e) {
        // not listening
      }
      if (got != null && got.statusCode() == status) {
        return got;
      }
      assertTrue(server.isAlive() || status != 200, "server died; see " + server.log());
      assertTrue(
          System.nanoTime() < deadline,
          path
              + " not "
              + status
              + " in "
              + seconds
              + " s ("
              + (got == null ? "no answer" : got.statusCode() + " " + got.body())
              + "); see "
              + server.log());
      Thread.sleep(50);
    }
  }

  /** Until the app counts that many requests in flight (their headers read, bodies pending). */
  private static void awaitInFlight(Http http, int n) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (http.metricValue("digits_http_requests_in_flight") == n) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError(n + " requests never in flight");
  }

  private static byte[] dataUrl(float[] mnist) {
    return CanvasRenderer.dataUrl(
            CanvasRenderer.png(CanvasRenderer.render(mnist, Style.oldCanvas())))
        .getBytes(UTF_8);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
