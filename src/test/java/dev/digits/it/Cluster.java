package dev.digits.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The cluster scripts/cluster.sh runs, on ports of its own (nginx on 28080, instances from 28081),
 * for the tests: starts and stops it, signals an instance, reads nginx's access log. Without nginx
 * the tests skip loudly; with DIGITS_REQUIRE_NGINX=1 (as in CI) they fail instead.
 */
final class Cluster {
  static final int PROXY_PORT = 28080;
  static final int FIRST_PORT = 28081;
  static final Path DIR = Path.of("target/cluster-it");

  private Cluster() {}

  static void assumeNginx() {
    boolean present =
        List.of("/usr/sbin/nginx", "/usr/bin/nginx").stream()
            .anyMatch(p -> Files.isExecutable(Path.of(p)));
    if (!present) {
      String message = "nginx not found: the cluster tests are SKIPPED (apt-get install nginx)";
      System.err.println("\n*** WARNING: " + message + " ***\n");
      if ("1".equals(System.getenv("DIGITS_REQUIRE_NGINX"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.assumeTrue(false, message);
    }
  }

  /** Runs scripts/cluster.sh with the test ports and waits for it: start N, stop or status. */
  static String run(String... command) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scripts/cluster.sh",
                "--port",
                String.valueOf(PROXY_PORT),
                "--first-port",
                String.valueOf(FIRST_PORT),
                "--dir",
                DIR.toString()));
    args.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("cluster.sh " + String.join(" ", command) + ":\n" + out);
      }
      System.out.print(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Seconds from the signal until the instance's readiness answers anything but 200. */
  static double secondsUntilNotReady(int port, long signalled) {
    Http direct = new Http(local(port));
    while ((System.nanoTime() - signalled) / 1e9 < 10) {
      try {
        if (direct.get("/health/ready").statusCode() != 200) {
          break;
        }
      } catch (UncheckedIOException refused) {
        break; // no longer listening: not ready either
      }
    }
    return (System.nanoTime() - signalled) / 1e9;
  }

  /** Waits until the instance on {@code port} reports ready; seconds it took. */
  static double untilReady(int port, int timeoutSeconds) throws InterruptedException {
    Http direct = new Http(local(port));
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1e9 < timeoutSeconds) {
      try {
        if (direct.get("/health/ready").statusCode() == 200) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (UncheckedIOException notYetListening) {
        // starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("port " + port + " not ready after " + timeoutSeconds + " s");
  }

  static URL local(int port) {
    try {
      return new URL("http://127.0.0.1:" + port + "/");
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static int port(int instance) {
    return FIRST_PORT + instance - 1;
  }

  static ProcessHandle instance(int instance) {
    long pid = Long.parseLong(read(DIR.resolve("instance-" + instance + "/pid")).trim());
    return ProcessHandle.of(pid)
        .orElseThrow(() -> new IllegalStateException("instance " + instance + " not running"));
  }

  static long nginxPid() {
    return Long.parseLong(read(DIR.resolve("nginx/nginx.pid")).trim());
  }

  static String log(int instance) {
    return read(DIR.resolve("instance-" + instance + "/server.log"));
  }

  /** nginx's access log: one line per request, with the instance that answered it. */
  static List<String> accessLog() {
    return read(DIR.resolve("nginx/logs/access.log")).lines().toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
