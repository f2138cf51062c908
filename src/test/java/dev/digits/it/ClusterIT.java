package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.it.SteadyLoad.Call;
import dev.digits.it.SteadyLoad.Outcome;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the packaged app behind the project's nginx (scripts/cluster.sh): under a steady
 * load of many different digits, no request is lost or answered wrong when one instance is killed
 * or stopped; a restarted one rejoins; nginx's own errors are JSON; slow clients cost the others
 * nothing. The tests run in order, each leaving the cluster as the next one expects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {
  private static final int RATE = 50; // requests a second: a few % of two cores
  private static final int DIGITS = 100;
  private static final int OFFSET = 3000; // away from the digits other tests use
  private static final List<String> ROUTES = List.of("/digit/", "/digit/cnn/");

  /** The instances' fail_timeout in deploy/nginx.conf's upstream (written by cluster.sh). */
  private static final double FAIL_TIMEOUT_S = 5;

  private final URI proxy = URI.create("http://127.0.0.1:" + Cluster.PROXY_PORT + "/");
  private Http http;
  private boolean started;
  private final List<Call> calls = new ArrayList<>();

  @BeforeAll
  void startTwoInstancesBehindNginx() throws Exception {
    Cluster.assumeNginx();
    started = true;
    Cluster.run("stop");
    Files.deleteIfExists(Cluster.DIR.resolve("nginx/logs/access.log"));
    Cluster.run("start", "2");
    http = new Http(new URL(proxy.toString()));
    calls.addAll(SteadyLoad.answeredAlone(http, ROUTES, OFFSET, DIGITS));
  }

  @AfterAll
  void stopTheCluster() {
    if (started) {
      Cluster.run("stop");
    }
  }

  @Test
  @Order(1)
  void sigkillOfOneInstanceUnderLoadLosesNoRequest() throws Exception {
    SteadyLoad load = new SteadyLoad(proxy, calls, RATE);
    Thread.sleep(3000);
    ProcessHandle second = Cluster.instance(2);
    second.destroyForcibly(); // SIGKILL
    assertTrue(second.onExit().get(10, TimeUnit.SECONDS) != null);
    Thread.sleep(5000);
    Outcome outcome = load.stop();
    System.out.println("SIGKILL of one of two instances: " + outcome);
    assertTrue(outcome.sent() >= RATE * 7, outcome.toString());
    assertEquals(List.of(), outcome.failures(), outcome.toString());
  }

  @Test
  @Order(2)
  void killedInstanceRestartedIsBackInRotationWithinTheFailTimeout() throws Exception {
    SteadyLoad load = new SteadyLoad(proxy, calls, RATE);
    Cluster.run("start", "2"); // starts only the missing one; nginx untouched
    double ready = now();
    Thread.sleep(9000); // the fail timeout, then 3 s to count its share in, and a second to spare
    Outcome outcome = load.stop();
    Thread.sleep(1500); // nginx flushes its access log every second
    List<Served> served = served(ready - 1);
    double first =
        served.stream()
            .filter(s -> s.instance() == 2 && s.status() == 200)
            .mapToDouble(Served::at)
            .min()
            .orElseThrow(() -> new AssertionError("instance 2 served nothing after its restart"));
    long window = served.stream().filter(s -> s.at() >= first && s.at() < first + 3).count();
    long second =
        served.stream()
            .filter(s -> s.at() >= first && s.at() < first + 3 && s.instance() == 2)
            .count();
    System.out.printf(
        "restart under load: %s; instance 2 ready at +0, first request it answered at %+.2f s,"
            + " then %d of %d requests in 3 s%n",
        outcome, first - ready, second, window);
    assertEquals(List.of(), outcome.failures(), outcome.toString());
    assertTrue(
        first - ready <= FAIL_TIMEOUT_S, "first answer " + (first - ready) + " s after ready");
    assertTrue(
        second >= window * 3 / 10, second + " of " + window + ": its share has not recovered");
  }

  @Test
  @Order(3)
  void sigtermOfOneInstanceUnderLoadLosesNoRequestAndDrains() throws Exception {
    SteadyLoad load = new SteadyLoad(proxy, calls, RATE);
    Thread.sleep(3000);
    ProcessHandle first = Cluster.instance(1);
    long signalled = System.nanoTime();
    first.destroy(); // SIGTERM
    double notReady = Cluster.secondsUntilNotReady(Cluster.port(1), signalled);
    first.onExit().get(30, TimeUnit.SECONDS);
    double exited = (System.nanoTime() - signalled) / 1e9;
    Thread.sleep(3000);
    Outcome outcome = load.stop();
    System.out.printf(
        "SIGTERM of one of two instances: %s; not ready after %.2f s, exited after %.2f s%n",
        outcome, notReady, exited);
    assertEquals(List.of(), outcome.failures(), outcome.toString());
    assertTrue(notReady < 2, "still ready " + notReady + " s after SIGTERM");
    // digits.shutdown.grace (10 s by default) for the requests in flight, and Payara's own stop.
    assertTrue(exited < 15, "exited " + exited + " s after SIGTERM");
    String log = Cluster.log(1);
    if (appDrains()) {
      assertTrue(log.toLowerCase().contains("draining"), "no drain in instance 1's log");
    } else {
      System.err.println(
          "\n*** WARNING: the drain log assertion is SKIPPED: this build has no graceful shutdown"
              + " (no \"draining\" in target/classes) ***\n");
    }
  }

  @Test
  @Order(4)
  void bothDownNginxAnswersJson502QuicklyThenServesAgainOnceTheyAreBack() throws Exception {
    ProcessHandle second = Cluster.instance(2);
    second.destroyForcibly();
    second.onExit().get(10, TimeUnit.SECONDS);
    Call call = calls.get(0);
    long t0 = System.nanoTime();
    HttpResponse<String> down = http.post(call.path(), "application/json", call.body());
    double took = (System.nanoTime() - t0) / 1e9;
    System.out.printf("both down: %d %s in %.3f s%n", down.statusCode(), down.body().trim(), took);
    assertEquals(502, down.statusCode(), down.body());
    assertEquals("application/json", down.headers().firstValue("Content-Type").orElse(""));
    JsonObject error = Http.json(down).asJsonObject();
    assertEquals(502, error.getInt("status"));
    assertFalse(error.getString("error").isBlank());
    assertTrue(took < 1, "502 after " + took + " s");

    long nginx = Cluster.nginxPid();
    String started = Cluster.run("start", "2");
    double ready = now();
    assertFalse(started.contains("nginx: "), "nginx was touched:\n" + started);
    assertEquals(nginx, Cluster.nginxPid());
    HttpResponse<String> back = http.post(call.path(), "application/json", call.body());
    while (back.statusCode() != 200 && now() - ready < FAIL_TIMEOUT_S + 1) {
      Thread.sleep(50);
      back = http.post(call.path(), "application/json", call.body());
    }
    System.out.printf("both back: %d after %.2f s%n", back.statusCode(), now() - ready);
    assertEquals(200, back.statusCode(), back.body());
    assertEquals(call.expected(), back.body());
  }

  @Test
  @Order(5)
  void hundredSlowClientsLeaveTheOthersAtLeastNinetyPercentOfTheirThroughput() throws Exception {
    normalThroughput(); // warm-up: both instances were just restarted
    double without = 0;
    double with = 0;
    for (int round = 0; round < 3; round++) {
      without = Math.max(without, normalThroughput());
      try (SlowClients slow = new SlowClients(Cluster.PROXY_PORT, 100, "/digit/cnn/")) {
        Thread.sleep(500);
        with = Math.max(with, normalThroughput());
      }
    }
    System.out.printf(
        "normal clients: %.0f req/s alone, %.0f req/s beside 100 slow ones (%.0f %%)%n",
        without, with, 100 * with / without);
    assertTrue(with >= 0.9 * without, with + " req/s against " + without + " without slow clients");
  }

  /** Right answers a second for 4 closed-loop clients over 4 s through nginx. */
  private double normalThroughput() throws InterruptedException {
    long end = System.nanoTime() + 4_000_000_000L;
    AtomicInteger right = new AtomicInteger();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      int client = c;
      Thread t =
          new Thread(
              () -> {
                for (int i = client; System.nanoTime() < end; i += 4) {
                  Call call = calls.get(i % calls.size());
                  HttpResponse<String> r = http.post(call.path(), "application/json", call.body());
                  if (r.statusCode() == 200 && r.body().equals(call.expected())) {
                    right.incrementAndGet();
                  } else {
                    wrong.add(call.path() + ": " + r.statusCode() + " " + r.body());
                  }
                }
              });
      t.start();
      clients.add(t);
    }
    for (Thread t : clients) {
      t.join();
    }
    assertEquals(List.of(), List.copyOf(wrong));
    return right.get() / 4.0;
  }

  /** Whether this build's app drains on SIGTERM: its graceful shutdown logs "draining". */
  private static boolean appDrains() throws IOException {
    try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
      return classes
          .filter(p -> p.toString().endsWith(".class"))
          .anyMatch(ClusterIT::mentionsDraining);
    }
  }

  private static boolean mentionsDraining(Path classFile) {
    try {
      String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return text.contains("draining") || text.contains("Draining");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One request nginx logged: when it arrived (its end, less its time), and which instance answered
   * it (1, 2, ...). By arrival, not by end: an instance just started answers slowly at first.
   */
  record Served(double at, int instance, int status) {}

  private static List<Served> served(double since) {
    List<Served> served = new ArrayList<>();
    for (String line : Cluster.accessLog()) {
      double at =
          Double.parseDouble(line.substring(0, line.indexOf(' ')))
              - Double.parseDouble(line.replaceAll(".* request_time=(\\S+) .*", "$1"));
      String upstreams = line.replaceAll(".* upstream=(.*) upstream_status=.*", "$1");
      String last = upstreams.substring(upstreams.lastIndexOf(' ') + 1);
      if (at < since || !last.contains(":")) {
        continue;
      }
      int port = Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
      int status = Integer.parseInt(line.replaceAll(".*\" (\\d{3}) .*", "$1"));
      served.add(new Served(at, port - Cluster.FIRST_PORT + 1, status));
    }
    return served;
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }
}
