package dev.digits.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The server this run of the integration tests deploys to (failsafe's execution names it in
 * arquillian.launch), and what it provides beyond Jakarta EE: a test that needs one of those says
 * so and is skipped with the reason on a server without it, never passed silently.
 */
enum Server {
  PAYARA_MICRO,
  WILDFLY,
  GLASSFISH,
  LIBERTY;

  static Server current() {
    String name = System.getProperty("arquillian.launch", "payara-micro");
    return valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
  }

  /**
   * The resident memory of the server's process, read from /proc: the largest process whose command
   * line names this build's server (its home under target/, or Payara Micro's jar, which the
   * adapter names relative to the project folder).
   */
  static long residentBytes() {
    String home =
        switch (current()) {
          case PAYARA_MICRO -> "payara-micro.jar";
          case WILDFLY -> System.getProperty("wildfly.home");
          case GLASSFISH, LIBERTY -> System.getProperty("servers.dir");
        };
    Path target = Path.of(System.getProperty("war.file")).toAbsolutePath().getParent();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> names(p.pid(), a, home, target)).orElse(false))
        .mapToLong(p -> vmRss(p.pid()))
        .max()
        .orElse(0);
  }

  private static boolean names(long pid, String[] arguments, String home, Path target) {
    String line = String.join(" ", Arrays.asList(arguments));
    return line.contains(home) && (line.contains(target.toString()) || startedIn(pid, target));
  }

  private static boolean startedIn(long pid, Path target) {
    try {
      return Path.of("/proc", Long.toString(pid), "cwd").toRealPath().equals(target.getParent());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static long vmRss(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
          .findFirst()
          .orElse(0);
    } catch (java.io.IOException e) {
      return 0; // the process ended
    }
  }
}
