package dev.digits.benchmark;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.servers.StockServer;
import dev.digits.servers.StockServer.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The same WAR on every server with its stock settings (only the heap and what README says the app
 * needs), beside Payara Micro as the run command starts it: startup to the first prediction, p50
 * and p99 at one client and requests per second at 8 on the ANN, CNN and number routes, resident
 * memory under load. Servers alternate, in reverse order every other round, so that a noisy stretch
 * of the machine does not land on one server. Writes target/stock-servers.json and a table for
 * BENCHMARKS.md. Run by exec:exec@stock-servers after `mvn verify` has unpacked the servers.
 */
public final class StockServers {
  private static final String HEAP = System.getProperty("bench.heap", "1g");
  private static final int PORT = Integer.getInteger("bench.port", 8080);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
  private static final Path WORK = Path.of("target/stock-servers");

  private StockServers() {}

  /** One route's load: its requests' bodies and their type. */
  private record Route(String label, String path, Wrk wrk) {}

  public static void main(String[] args) throws Exception {
    MnistDataset test = MnistFiles.fromSystemProperty().test();
    List<String> digits = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      digits.add(
          CanvasRenderer.dataUrl(
              CanvasRenderer.png(CanvasRenderer.render(test.images()[i * 37], Style.oldCanvas()))));
    }
    Wrk post = new Wrk(Path.of("target/bench"), digits);
    List<Route> routes =
        List.of(
            new Route("POST /digit/ (ANN)", "/digit/", post),
            new Route("POST /digit/cnn/ (CNN)", "/digit/cnn/", post),
            new Route(
                "POST /api/v1/read (4 digits, 800x280)", "/api/v1/read", ReadingSpeed.wrk(test)));
    List<Kind> kinds =
        args.length > 0
            ? Arrays.stream(args).map(a -> Kind.valueOf(a.toUpperCase(Locale.ROOT))).toList()
            : List.of(Kind.values());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", Instant.now().toString());
    result.put("heap", HEAP);
    result.put("settings", StockServer.settings(HEAP));
    List<Map<String, Object>> runs = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<Kind> order = new ArrayList<>(kinds);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (Kind kind : order) {
        Map<String, Object> run = measure(kind, round, digits.get(0), routes);
        runs.add(run);
        System.out.println(Json.write(run));
        Files.writeString(Path.of("target/stock-servers.json"), Json.write(result(result, runs)));
      }
    }
    System.out.println(table(runs, kinds, routes.stream().map(Route::label).toList()));
  }

  private static Map<String, Object> result(
      Map<String, Object> head, List<Map<String, Object>> runs) {
    Map<String, Object> all = new LinkedHashMap<>(head);
    all.put("runs", runs);
    return all;
  }

  private static Map<String, Object> measure(Kind kind, int round, String body, List<Route> routes)
      throws Exception {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("server", kind.name());
    run.put("round", round + 1);
    Path war = Path.of("target/ROOT.war").toAbsolutePath();
    try (StockServer server =
        StockServer.start(
            kind, WORK.resolve(kind.name().toLowerCase(Locale.ROOT)), PORT, HEAP, war, List.of())) {
      run.put("startup_s", server.awaitFirstPrediction(body, Duration.ofMinutes(4)));
      for (Route route : routes) {
        warmUp(route.wrk(), server.url(route.path()));
      }
      for (Route route : routes) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("c1", Wrk.json(route.wrk().run(server.url(route.path()), 1, SECONDS)));
        AtomicReference<Double> peak = new AtomicReference<>(0.0);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
            () -> server.residentMib().ifPresent(m -> peak.accumulateAndGet(m, Math::max)),
            0,
            250,
            TimeUnit.MILLISECONDS);
        try {
          r.put("c8", Wrk.json(route.wrk().run(server.url(route.path()), 8, SECONDS)));
        } finally {
          sampler.shutdown();
          sampler.awaitTermination(1, TimeUnit.SECONDS);
        }
        r.put("rss_peak_mib", Math.round(peak.get()));
        run.put(route.label(), r);
      }
    }
    return run;
  }

  /** 5 s runs at 8 clients until two in a row agree within 5 % (at most eight). */
  private static void warmUp(Wrk wrk, String url) throws Exception {
    double last = 0;
    for (int i = 0; i < 8; i++) {
      double rate = wrk.run(url, 8, 5).perSecond();
      if (i >= 1 && Math.abs(rate - last) <= 0.05 * last) {
        return;
      }
      last = rate;
    }
  }

  /**
   * One row per server, each cell the range over the rounds: req/s at 8 clients and p50/p99 at one
   * per route, startup, the peak resident memory under load.
   */
  static String table(List<Map<String, Object>> runs, List<Kind> kinds, List<String> routes) {
    StringBuilder t = new StringBuilder("| server | startup s |");
    for (String r : routes) {
      t.append(' ').append(r).append(": req/s c8 | p50 / p99 ms c1 |");
    }
    t.append(" RSS MiB |\n|---|---|");
    t.append("---|---|".repeat(routes.size())).append("---|\n");
    for (Kind kind : kinds) {
      List<Map<String, Object>> mine =
          runs.stream().filter(r -> r.get("server").equals(kind.name())).toList();
      t.append("| ").append(kind.label).append(" | ").append(range(mine, "startup_s", "%.1f"));
      List<Double> rss = new ArrayList<>();
      for (String route : routes) {
        List<Double> rate = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (Map<String, Object> run : mine) {
          if (run.get(route) instanceof Map<?, ?> r) {
            rate.add(number(((Map<?, ?>) r.get("c8")).get("requests_per_s")));
            p50.add(number(((Map<?, ?>) r.get("c1")).get("p50_ms")));
            p99.add(number(((Map<?, ?>) r.get("c1")).get("p99_ms")));
            rss.add(number(r.get("rss_peak_mib")));
          }
        }
        t.append(" | ").append(range(rate, "%.0f"));
        t.append(" | ").append(range(p50, "%.1f")).append(" / ").append(range(p99, "%.1f"));
      }
      t.append(" | ").append(range(rss, "%.0f")).append(" |\n");
    }
    return t.toString();
  }

  private static String range(List<Map<String, Object>> runs, String key, String format) {
    return range(runs.stream().map(r -> number(r.get(key))).toList(), format);
  }

  private static String range(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "-";
    }
    double min = Collections.min(values);
    double max = Collections.max(values);
    String lo = String.format(Locale.ROOT, format, min);
    String hi = String.format(Locale.ROOT, format, max);
    return lo.equals(hi) ? lo : lo + "-" + hi;
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }
}
