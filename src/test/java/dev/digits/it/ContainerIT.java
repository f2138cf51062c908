package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.it.SteadyLoad.Call;
import dev.digits.it.SteadyLoad.Outcome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The container image: built from the Containerfile, two containers behind the project's nginx
 * (scripts/container-test.sh up). It runs as a non-root user with its health check and a heap from
 * the memory limit, and under a steady load of checked answers a container stopped (SIGTERM) or
 * killed (SIGKILL) loses no request. Needs podman, root (or sudo -n) and debootstrap for the base
 * it makes; without them the tests skip loudly, and with DIGITS_REQUIRE_CONTAINER=1 (as in CI) they
 * fail instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ContainerIT {
  private static final int RATE = 50;
  private static final int PROXY_PORT = 28090; // the script's default; containers on the next two
  private static final int MEMORY_MIB = 1500; // the script's --memory
  private static final List<String> ROUTES = List.of("/digit/", "/digit/cnn/");

  private final URI proxy = URI.create("http://127.0.0.1:" + PROXY_PORT + "/");
  private final List<Call> calls = new ArrayList<>();
  private boolean started;

  @BeforeAll
  void buildTheImageAndStartTwoContainers() {
    Cluster.assumeNginx();
    assumeContainers();
    started = true;
    script(900, "up");
    calls.addAll(SteadyLoad.answeredAlone(new Http(Cluster.local(PROXY_PORT)), ROUTES, 4000, 100));
  }

  @AfterAll
  void removeThem() {
    if (started) {
      script(120, "down");
    }
  }

  @Test
  @Order(1)
  void runsAsNonRootWithItsHealthCheckAndAHeapFromTheMemoryLimit() {
    assertEquals("10001", podman("exec", "digits-ct-1", "id", "-u").trim());
    podman("healthcheck", "run", "digits-ct-1"); // fails unless /health/ready answers 200
    String flags =
        podman(
            "exec",
            "digits-ct-1",
            "java",
            "@/app/payara-micro.args",
            "-XX:+PrintFlagsFinal",
            "-version");
    Matcher m = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(flags);
    assertTrue(m.find(), flags);
    double heapMib = Long.parseLong(m.group(1)) / 1048576.0;
    System.out.printf("container heap: %.0f MiB of a %d MiB limit%n", heapMib, MEMORY_MIB);
    assertEquals(0.6 * MEMORY_MIB, heapMib, 0.03 * MEMORY_MIB, "MaxRAMPercentage=60");
  }

  @Test
  @Order(2)
  void sigtermOfOneContainerUnderLoadLosesNoRequestAndDrains() throws Exception {
    try {
      SteadyLoad load = new SteadyLoad(proxy, calls, RATE);
      Thread.sleep(3000);
      long signalled = System.nanoTime();
      Process stop = podmanStarted("stop", "--time", "30", "digits-ct-1"); // SIGTERM, then waits
      double notReady = Cluster.secondsUntilNotReady(PROXY_PORT + 1, signalled);
      assertTrue(stop.waitFor(60, TimeUnit.SECONDS), "podman stop did not return");
      double exited = (System.nanoTime() - signalled) / 1e9;
      Thread.sleep(3000);
      Outcome outcome = load.stop();
      String exitCode = podman("inspect", "digits-ct-1", "--format", "{{.State.ExitCode}}").trim();
      System.out.printf(
          "SIGTERM of one of two containers: %s; not ready after %.2f s, exited after %.2f s"
              + " with %s%n",
          outcome, notReady, exited, exitCode);
      if (!outcome.failures().isEmpty()) {
        String log = podman("logs", "digits-ct-1");
        System.out.println(
            "digits-ct-1's log, its end:\n" + log.substring(Math.max(0, log.length() - 6000)));
      }
      assertEquals(List.of(), outcome.failures(), outcome.toString());
      assertTrue(outcome.sent() >= RATE * 5, outcome.toString());
      assertTrue(notReady < 2, "still ready " + notReady + " s after SIGTERM");
      assertTrue(exited < 15, "exited " + exited + " s after SIGTERM");
      assertNotEquals("137", exitCode, "killed at podman's timeout, not exited");
      assertTrue(
          podman("logs", "digits-ct-1").toLowerCase().contains("draining"), "no drain logged");
    } finally {
      // Back in rotation whatever the checks found, so the SIGKILL test has a survivor to lose.
      podman("start", "digits-ct-1");
      System.out.printf(
          "digits-ct-1 restarted: ready in %.1f s%n", Cluster.untilReady(PROXY_PORT + 1, 180));
    }
  }

  @Test
  @Order(3)
  void sigkillOfOneContainerUnderLoadLosesNoRequest() throws Exception {
    SteadyLoad load = new SteadyLoad(proxy, calls, RATE);
    Thread.sleep(3000);
    podman("kill", "--signal", "KILL", "digits-ct-2");
    Thread.sleep(5000);
    Outcome outcome = load.stop();
    String state =
        podman("inspect", "digits-ct-2", "--format", "{{.State.Status}} {{.State.ExitCode}}")
            .trim();
    System.out.println("SIGKILL of one of two containers: " + outcome + "; then " + state);
    assertTrue(outcome.sent() >= RATE * 7, outcome.toString());
    assertEquals(List.of(), outcome.failures(), outcome.toString());
    assertEquals("exited 137", state);
  }

  /** Skips loudly without podman, root or debootstrap; with DIGITS_REQUIRE_CONTAINER=1, fails. */
  private static void assumeContainers() {
    List<String> missing = new ArrayList<>();
    if (!onPath("podman")) {
      missing.add("podman");
    }
    if (System.getenv("DIGITS_CT_BASE") == null && !onPath("debootstrap")) {
      missing.add("debootstrap");
    }
    if (!"0".equals(run(10, List.of("id", "-u")).trim()) && !succeeds("sudo", "-n", "true")) {
      missing.add("root or sudo -n");
    }
    if (!missing.isEmpty()) {
      String message =
          "no "
              + String.join(", ", missing)
              + ": the container tests are SKIPPED"
              + " (apt-get install podman runc debootstrap; run as root)";
      System.err.println("\n*** WARNING: " + message + " ***\n");
      if ("1".equals(System.getenv("DIGITS_REQUIRE_CONTAINER"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.assumeTrue(false, message);
    }
  }

  private static boolean onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private static boolean succeeds(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String script(int timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>(List.of("scripts/container-test.sh"));
    command.addAll(List.of(args));
    String out = run(timeoutSeconds, command);
    System.out.print(out);
    return out;
  }

  private static String podman(String... args) {
    List<String> command = new ArrayList<>(List.of("scripts/container-test.sh", "podman"));
    command.addAll(List.of(args));
    return run(120, command);
  }

  private static Process podmanStarted(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("scripts/container-test.sh", "podman"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
  }

  /** Runs a command to its end; its output, or a failure with it. */
  private static String run(int timeoutSeconds, List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + ":\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
