package dev.digits.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server started as a user starts it, outside Arquillian, in its own process: the stock
 * distribution that `mvn verify` unpacked into target/servers, given only a heap, a port and what
 * README says the app needs (WildFly's profile and digits.cli, Liberty's server.xml), with the WAR
 * deployed the way README tells (a folder, or Payara Micro's --deploy). Each start gets a server
 * folder of its own under {@code work}, so it never touches the homes the integration tests use.
 */
public final class StockServer implements AutoCloseable {
  /** The servers, and Payara Micro as the README's run command starts it (its tuned settings). */
  public enum Kind {
    PAYARA_TUNED("Payara Micro (run command)"),
    PAYARA("Payara Micro"),
    WILDFLY("WildFly 39"),
    GLASSFISH("GlassFish 7.0.21"),
    LIBERTY("Open Liberty 25");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private static final Path TARGET = Path.of("target");
  private static final Path SERVERS =
      Path.of(System.getProperty("servers.dir", TARGET.resolve("servers").toString()));

  private final Kind kind;
  private final Process process;
  private final int port;
  private final Path log;
  private final Path serverLog;
  private final long started;
  private volatile ProcessHandle terminated;

  private StockServer(
      Kind kind, Process process, int port, Path log, Path serverLog, long started) {
    this.kind = kind;
    this.process = process;
    this.port = port;
    this.log = log;
    this.serverLog = serverLog;
    this.started = started;
  }

  /**
   * Prepares a server folder under {@code work} (emptied first), deploys {@code war} in it and
   * starts the server on {@code port} with {@code heap} (such as "1g") and the JVM options given.
   */
  public static StockServer start(
      Kind kind, Path work, int port, String heap, Path war, List<String> jvmOptions)
      throws IOException {
    deleteTree(work);
    Files.createDirectories(work);
    Path log = work.resolve("server.log");
    ProcessBuilder pb =
        switch (kind) {
          case PAYARA_TUNED -> payaraTuned(port, jvmOptions);
          case PAYARA -> payara(work, port, heap, war, jvmOptions);
          case WILDFLY -> wildfly(work, port, heap, war, jvmOptions);
          case GLASSFISH -> glassfish(work, port, heap, war, jvmOptions);
          case LIBERTY -> liberty(work, port, heap, war, jvmOptions);
        };
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    long started = System.nanoTime();
    return new StockServer(kind, pb.start(), port, log, serverLog(kind, work), started);
  }

  /**
   * The log the server writes itself, which has what its console may leave out (Liberty's console
   * shows only AUDIT and above); null where there is none but the console.
   */
  private static Path serverLog(Kind kind, Path work) {
    return switch (kind) {
      case PAYARA_TUNED, PAYARA -> null;
      case WILDFLY -> work.resolve("standalone/log/server.log");
      case GLASSFISH -> work.resolve("domains/digits/logs/server.log");
      case LIBERTY -> work.resolve("usr/servers/digits/logs/messages.log");
    };
  }

  private static ProcessBuilder payaraTuned(int port, List<String> jvmOptions) {
    List<String> cmd =
        new ArrayList<>(List.of(java(), "@" + TARGET.resolve("server/payara-micro.args")));
    if (Files.exists(TARGET.resolve("payara-micro.jsa"))) {
      cmd.add("-XX:SharedArchiveFile=" + TARGET.resolve("payara-micro.jsa"));
    }
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            TARGET.resolve("payara-root/launch-micro.jar").toString(),
            "--port",
            Integer.toString(port)));
    return new ProcessBuilder(cmd);
  }

  private static ProcessBuilder payara(
      Path work, int port, String heap, Path war, List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap));
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            TARGET.resolve("payara-micro.jar").toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--rootdir",
            work.resolve("root").toString()));
    return new ProcessBuilder(cmd);
  }

  /**
   * WildFly's standalone folder copied (digits.cli already applied to its profile), the WAR in its
   * deployments/ and the ports moved by an offset from 8080.
   */
  private static ProcessBuilder wildfly(
      Path work, int port, String heap, Path war, List<String> jvmOptions) throws IOException {
    Path home = single(SERVERS, "wildfly-");
    Path base = work.resolve("standalone");
    copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
    Files.createDirectories(base.resolve("deployments"));
    Files.copy(war, base.resolve("deployments/ROOT.war"));
    ProcessBuilder pb =
        new ProcessBuilder(
            home.resolve("bin/standalone.sh").toString(),
            "-c",
            "standalone-microprofile.xml",
            "-Djboss.server.base.dir=" + base.toAbsolutePath(),
            "-Djboss.socket.binding.port-offset=" + (port - 8080));
    // standalone.conf builds its stock options around this one variable when JAVA_OPTS is unset.
    List<String> sizing = new ArrayList<>(List.of("-Xms64m", "-Xmx" + heap));
    sizing.addAll(jvmOptions);
    pb.environment().put("JBOSS_JAVA_SIZING", String.join(" ", sizing));
    pb.environment().remove("JAVA_OPTS");
    // The script then hands SIGTERM on to the JVM; with the JVM in the foreground, a SIGTERM to the
    // script would end the script alone and leave the JVM running.
    pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    return pb;
  }

  /**
   * A new domain made by asadmin with all its ports from a base, its heap raised from the stock 512
   * MiB, the WAR in its autodeploy/ folder, started by bin/startserv.
   */
  private static ProcessBuilder glassfish(
      Path work, int port, String heap, Path war, List<String> jvmOptions) throws IOException {
    Path asadmin = SERVERS.resolve("glassfish7/bin/asadmin");
    Path domains = work.resolve("domains");
    run(
        work,
        asadmin.toString(),
        "create-domain",
        "--domaindir",
        domains.toString(),
        "--portbase",
        Integer.toString(port - 80),
        "--nopassword=true",
        "digits");
    Path config = domains.resolve("digits/config/domain.xml");
    String xml = Files.readString(config);
    StringBuilder options = new StringBuilder("<jvm-options>-Xmx" + heap + "</jvm-options>");
    for (String o : jvmOptions) {
      options.append("<jvm-options>").append(o).append("</jvm-options>");
    }
    // The first java-config is the server's (the second is the default-config template).
    xml = xml.replaceFirst("<jvm-options>-Xmx512m</jvm-options>", options.toString());
    Files.writeString(config, xml);
    Files.copy(war, domains.resolve("digits/autodeploy/ROOT.war"));
    // startserv runs the server's JVM in its own place (start-domain --dry-run's command), so
    // that SIGTERM reaches the server. A SIGTERM to `asadmin start-domain --verbose` ends asadmin
    // and the server with it, at once: no drain, none of GlassFish's own shutdown either.
    return new ProcessBuilder(
        SERVERS.resolve("glassfish7/bin/startserv").toString(),
        "--domaindir",
        domains.toString(),
        "digits");
  }

  /**
   * A user folder of its own (WLP_USER_DIR) holding the project's server.xml, the port in its
   * bootstrap.properties, the heap in jvm.options, the WAR in dropins/.
   */
  private static ProcessBuilder liberty(
      Path work, int port, String heap, Path war, List<String> jvmOptions) throws IOException {
    Path server = work.resolve("usr/servers/digits");
    Files.createDirectories(server.resolve("dropins"));
    Files.copy(Path.of("src/main/liberty/config/server.xml"), server.resolve("server.xml"));
    Files.writeString(
        server.resolve("bootstrap.properties"),
        "http.port=" + port + "\nhttps.port=" + (port + 363) + "\n");
    List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
    options.addAll(jvmOptions);
    Files.write(server.resolve("jvm.options"), options);
    Files.copy(war, server.resolve("dropins/ROOT.war"));
    ProcessBuilder pb =
        new ProcessBuilder(SERVERS.resolve("wlp/bin/server").toString(), "run", "digits");
    pb.environment().put("WLP_USER_DIR", work.resolve("usr").toAbsolutePath().toString());
    return pb;
  }

  public Kind kind() {
    return kind;
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  public Path log() {
    return log;
  }

  /**
   * Waits until the app answers a prediction with 200 and returns the seconds since the start;
   * fails with the log's last lines when the server died or took longer than {@code timeout}.
   */
  public double awaitFirstPrediction(String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url("/digit/")))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long deadline = started + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(kind.label + " exited " + process.exitValue() + tail());
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(kind.label + " gave no prediction in " + timeout + tail());
  }

  /** The server's JVM: the deepest java process under the one started (scripts start it). */
  public ProcessHandle jvm() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .reduce((first, second) -> second)
        .orElse(process.toHandle());
  }

  /** Resident memory of the server's JVM in MiB, or empty once it has gone. */
  public Optional<Double> residentMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + jvm().pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
        }
      }
    } catch (IOException e) {
      // gone
    }
    return Optional.empty();
  }

  /** {@link #sigterm}, then {@link #awaitExit}: true if the server exited in time. */
  public boolean terminate(Duration wait) throws InterruptedException {
    sigterm();
    return awaitExit(wait);
  }

  /**
   * SIGTERM to the process started, without waiting, as an orchestrator signals a container's main
   * process: each start command hands it to the server's JVM (Payara Micro and Liberty's `server
   * run` are the JVM, GlassFish's startserv becomes it, WildFly's standalone.sh passes it on).
   */
  public void sigterm() {
    terminated = jvm();
    process.destroy();
  }

  /**
   * Waits until the JVM {@link #sigterm} signalled and the process started (a start script, if any)
   * have both exited; false if either still runs after {@code wait}.
   */
  public boolean awaitExit(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    ProcessHandle jvm = terminated == null ? process.toHandle() : terminated;
    long left = Math.max(0, wait.toMillis());
    return jvm.onExit().completeOnTimeout(null, left, TimeUnit.MILLISECONDS).join() != null
        && process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The console's output, then the server's own log file where it has one. */
  public String logText() throws IOException {
    String console = Files.readString(log);
    return serverLog != null && Files.exists(serverLog)
        ? console + "\n" + Files.readString(serverLog)
        : console;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive() && !terminate(Duration.ofSeconds(30))) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return ":\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return " (no log)";
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path single(Path dir, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow(
              () -> new IOException("no " + prefix + "* in " + dir + ": run mvn verify once"));
    }
  }

  private static void run(Path dir, String... cmd) throws IOException {
    Path out = dir.resolve(Path.of(cmd[0]).getFileName() + ".log");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(out));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path copy = to.resolve(from.relativize(p).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(p, copy, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** For a table: the stock settings each server was started with. */
  public static Map<Kind, String> settings(String heap) {
    return Map.of(
        Kind.PAYARA_TUNED, "target/server/payara-micro.args, class archive",
        Kind.PAYARA, "-Xmx" + heap + ", --deploy ROOT.war",
        Kind.WILDFLY, "standalone-microprofile.xml + digits.cli, -Xmx" + heap,
        Kind.GLASSFISH, "new domain, -Xmx" + heap + ", autodeploy/, bin/startserv",
        Kind.LIBERTY, "the project's server.xml, -Xmx" + heap + ", dropins/");
  }
}
