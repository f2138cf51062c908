package dev.digits.benchmark;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.cnn.CnnForwardPass;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts the packaged app on Payara Micro (or targets a running URL), warms it up
 * and measures latency, throughput against the ceiling route, in-process model speed, startup,
 * memory and WAR size. Writes target/benchmark.json and prints a table.
 */
public final class Benchmark {
  private static final String[] ROUTES = {
    "/digit/", "/digit/cnn/", "/api/v1/predict?model=ensemble"
  };

  /**
   * The trivial route whose throughput the prediction routes are compared with, warmed up as they
   * are.
   */
  private static final String CEILING = "/health/live";

  private static final int[] CONCURRENCY = {2, 8, 32};
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final long MEMORY_REQUESTS = Long.getLong("bench.requests", 100_000);

  /**
   * Each memory reading is the peak over this long a CNN run at 8 clients. ParallelGC resizes the
   * heap every few tens of seconds, moving RSS by as much as 14 % under the same load: a 10 s
   * window caught the top of that cycle in one reading and not in the other. A minute spans a
   * cycle.
   */
  private static final int MEMORY_SECONDS = Integer.getInteger("bench.memory.seconds", 60);

  private static final int WARM_UP_RUNS = 12;

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    MnistDataset test = MnistFiles.fromSystemProperty().test();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) { // many different digits, as real traffic would be
      bodies.add(
          CanvasRenderer.dataUrl(
              CanvasRenderer.png(CanvasRenderer.render(test.images()[i * 37], Style.oldCanvas()))));
    }
    if (args.length > 0 && args[0].equals("--script-only")) {
      new Wrk(Path.of("target/bench"), bodies); // the soak script's request bodies
      ReadingSpeed.wrk(test); // and scripts/ab.sh's numbers to read
      return;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", Instant.now().toString());
    result.put(
        "machine",
        Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
    result.put("war_mib", Files.size(Path.of("target/ROOT.war")) / 1048576.0);
    boolean external = args.length > 0 && !args[0].isBlank();
    Server server = external ? Server.running(args[0]) : startMeasured(bodies.get(0), result);
    result.put("server_command", server.command());
    try {
      Wrk post = new Wrk(Path.of("target/bench"), bodies);
      Wrk get = new Wrk(Path.of("target/bench"), List.of());
      Map<String, Object> warmUp = new LinkedHashMap<>();
      for (String route : ROUTES) {
        warmUp.put(route, warmUp(post, server.url(route)));
      }
      warmUp.put(CEILING, warmUp(get, server.url(CEILING)));
      result.put("warm_up_req_per_s", warmUp);
      server.peakMemoryDuring(
          result,
          "rss_peak_after_warmup_mib",
          () -> post.run(server.url("/digit/cnn/"), 8, MEMORY_SECONDS));
      Map<String, Object> ceiling = new LinkedHashMap<>();
      for (int c : CONCURRENCY) {
        ceiling.put("c" + c, Wrk.json(get.run(server.url(CEILING), c, SECONDS)));
      }
      result.put("ceiling GET /health/live", ceiling);
      for (String route : ROUTES) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("c1", Wrk.json(post.run(server.url(route), 1, SECONDS)));
        for (int c : CONCURRENCY) {
          r.put("c" + c, Wrk.json(post.run(server.url(route), c, SECONDS)));
        }
        result.put("POST " + route, r);
      }
      result.putAll(InferenceSpeed.measure(test, server.url(""), SECONDS));
      result.putAll(ReadingSpeed.measure(test, server.url(""), SECONDS));
      // At least 100,000 more requests (besides those above), then the same load as the first
      // memory reading.
      long done = 0;
      while (done < MEMORY_REQUESTS && server.pid() > 0) {
        done += post.run(server.url("/digit/cnn/"), 8, 20).requests();
      }
      result.put("requests_between_memory_readings", done);
      server.peakMemoryDuring(
          result,
          "rss_peak_after_those_requests_mib",
          () -> post.run(server.url("/digit/cnn/"), 8, MEMORY_SECONDS));
      result.put("rss_memory_window_s", MEMORY_SECONDS);
      if (result.get("rss_peak_after_warmup_mib") instanceof Double before
          && result.get("rss_peak_after_those_requests_mib") instanceof Double after) {
        result.put("rss_growth_pct", 100 * (after - before) / before);
      }
    } finally {
      server.stop();
    }
    result.put("in_process", ModelSpeed.measure(test));
    result.put("in_process_cnn_sums", CnnForwardPass.rowKernel());
    String json = Json.write(result);
    Files.writeString(Path.of("target/benchmark.json"), json);
    System.out.println(json);
    System.out.println(Table.of(result));
  }

  /**
   * Starts the server twice, as the README's command does (with the class archive) and without the
   * archive (as a JVM that cannot use it would), records both times and keeps the one with the
   * archive running.
   */
  private static Server startMeasured(String body, Map<String, Object> result)
      throws IOException, InterruptedException {
    Server cold = Server.start(body, false);
    result.put("startup_without_class_archive_s", cold.startupSeconds());
    if (!Server.hasClassArchive()) {
      System.err.println(
          "no target/payara-micro.jsa (mvn package writes it): startup is measured without it");
      result.put("startup_to_first_prediction_s", cold.startupSeconds());
      return cold;
    }
    cold.stop();
    Server server = Server.start(body, true);
    result.put("startup_to_first_prediction_s", server.startupSeconds());
    return server;
  }

  /**
   * Loads the route in 10 s runs until two runs in a row agree within 5 %. On two cores the JIT
   * compiler keeps working for about a minute of load, and throughput climbs all that time.
   */
  private static List<Long> warmUp(Wrk wrk, String url) throws IOException, InterruptedException {
    List<Long> rates = new ArrayList<>();
    double last = 0;
    for (int run = 0; run < WARM_UP_RUNS; run++) {
      double rate = wrk.run(url, 8, 10).perSecond();
      rates.add(Math.round(rate));
      if (run >= 2 && Math.abs(rate - last) <= 0.05 * last) {
        break;
      }
      last = rate;
    }
    return rates;
  }

  /** Sends one POST and reports whether it was answered 200. */
  static boolean predicts(HttpClient client, String url, String body) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
