package dev.digits.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a test class fails before or after its tests (the server did not start, or the WAR did not
 * deploy), prints the error lines of the server's own log, which the adapters' exceptions do not
 * carry (GlassFish's says only "see the server log files").
 */
final class ServerLog implements AfterAllCallback {
  private static final Pattern RELEVANT =
      Pattern.compile("ERROR|SEVERE|Caused by|\\] E |E [A-Z]{4,5}\\d{4}E|WELD-|Exception");
  private static final int MOST = 40;

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    Path log = path();
    if (log == null || !Files.exists(log)) {
      return; // Payara Micro's log is its console output, already in the test output
    }
    try {
      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> RELEVANT.matcher(l).find())
              .toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - MOST), lines.size());
      System.err.printf(
          "%n*** %s failed on %s; the error lines of %s: ***%n%s%n",
          context.getDisplayName(), Server.current(), log, String.join("\n", last));
    } catch (IOException e) {
      System.err.println("*** cannot read " + log + ": " + e);
    }
  }

  private static Path path() {
    String servers = System.getProperty("servers.dir");
    return switch (Server.current()) {
      case PAYARA_MICRO -> null;
      case WILDFLY -> Path.of(System.getProperty("wildfly.home"), "standalone/log/server.log");
      case GLASSFISH -> Path.of(servers, "glassfish7/glassfish/domains/domain1/logs/server.log");
      case LIBERTY -> Path.of(servers, "wlp/usr/servers/digits/logs/messages.log");
    };
  }
}
