package dev.digits.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The server under test: one this benchmark starts (and can measure), or one already running. */
final class Server {
  private static final Path CLASS_ARCHIVE = Path.of("target/payara-micro.jsa");

  /** The server settings file `mvn package` writes; the pom passes its path. */
  private static final String SETTINGS = "server.args";

  private static final Path LAUNCHER = Path.of("target/payara-root/launch-micro.jar");
  private final String base;
  private final Process process;
  private final double startupSeconds;
  private final String command;

  private Server(String base, Process process, double startupSeconds, String command) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.process = process;
    this.startupSeconds = startupSeconds;
    this.command = command;
  }

  static Server running(String url) {
    return new Server(url, null, 0, "");
  }

  /**
   * Starts the Payara root that `mvn package` prepared (the runtime unpacked, the WAR deployed in
   * it) as the README's run command does (the settings file the pom names in {@code
   * -Dserver.args}), and times it until the first successful prediction. With {@code classArchive}
   * the JVM maps the classes that `mvn package`'s training start archived
   * (target/payara-micro.jsa); without it, it loads them all from the jars.
   */
  static Server start(String body, boolean classArchive) throws IOException, InterruptedException {
    Path log = Path.of("target/bench/server.log");
    Files.createDirectories(log.getParent());
    String settings = System.getProperty(SETTINGS);
    if (settings == null || !Files.isRegularFile(Path.of(settings))) {
      throw new IllegalStateException(
          "no server settings file (-D"
              + SETTINGS
              + "="
              + settings
              + "): run the benchmark through `mvn ... exec:exec@benchmark` after `mvn package`");
    }
    List<String> command = new ArrayList<>(List.of("java", "@" + settings));
    if (classArchive) {
      command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
    }
    if (!Files.isRegularFile(LAUNCHER)) {
      throw new IllegalStateException("no " + LAUNCHER + ": run `mvn package` first");
    }
    command.addAll(List.of("-jar", LAUNCHER.toString(), "--port", "8080"));
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient client = HttpClient.newHttpClient();
    while (!Benchmark.predicts(client, "http://localhost:8080/digit/cnn/", body)) {
      if (!p.isAlive() || System.nanoTime() - t0 > 300_000_000_000L) {
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start; see " + log);
      }
      Thread.sleep(50);
    }
    return new Server(
        "http://localhost:8080", p, (System.nanoTime() - t0) / 1e9, String.join(" ", command));
  }

  /** Whether `mvn package` wrote the class archive that {@link #start} can use. */
  static boolean hasClassArchive() {
    return Files.isRegularFile(CLASS_ARCHIVE);
  }

  String url(String route) {
    return base + route;
  }

  /** The command that started it; empty for a server started elsewhere. */
  String command() {
    return command;
  }

  double startupSeconds() {
    return startupSeconds;
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  /**
   * The server's peak resident memory in MiB while {@code load} runs, sampled every 250 ms; nothing
   * for a server started elsewhere. A peak, not one sample: ParallelGC grows and shrinks the heap
   * as load changes, and single readings of the same steady server differed by up to 70 MiB.
   */
  void peakMemoryDuring(Map<String, Object> into, String key, Callable<?> load) throws Exception {
    if (process == null) {
      load.call();
      return;
    }
    AtomicLong peakKib = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> peakKib.accumulateAndGet(residentKib(), Math::max), 0, 250, TimeUnit.MILLISECONDS);
    try {
      load.call();
    } finally {
      sampler.shutdown();
      sampler.awaitTermination(1, TimeUnit.SECONDS);
      into.put(key, peakKib.get() / 1024.0);
    }
  }

  private long residentKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      // the process has just exited: no sample
    }
    return 0;
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
  }
}
