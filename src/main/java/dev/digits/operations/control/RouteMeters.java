package dev.digits.operations.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Requests by route, model and status, and their latency by route and model. Each route and model's
 * meters are made once, at first use, and kept: a request costs an array read, no registry lookup.
 */
@ApplicationScoped
public class RouteMeters {
  /** Latency buckets: fine where these routes answer (0.5-50 ms), coarse for the slow tail. */
  static final Duration[] BUCKETS =
      millis(0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 100, 250, 500, 1000, 5000);

  private static final int MODELS = ModelLabel.values().length;

  @Inject Metrics metrics;

  private MeterRegistry registry;
  private final AtomicReferenceArray<Meters> meters =
      new AtomicReferenceArray<>(Route.values().length * MODELS);

  /** For unit tests: the meters in the given registry. */
  public static RouteMeters in(MeterRegistry registry) {
    RouteMeters r = new RouteMeters();
    r.registry = registry;
    return r;
  }

  @PostConstruct
  void start() {
    registry = metrics.registry();
  }

  /** Counts one answered request and its time in the app. */
  public void record(Route route, ModelLabel model, int status, long nanos) {
    Meters m = meters(route, model);
    m.latency.record(nanos, TimeUnit.NANOSECONDS);
    m.status(status).increment();
  }

  private Meters meters(Route route, ModelLabel model) {
    int i = route.ordinal() * MODELS + model.ordinal();
    Meters m = meters.get(i);
    if (m == null) {
      // Two first requests may both make it: the registry answers both with the same meters.
      m = new Meters(registry, route, model);
      meters.set(i, m);
    }
    return m;
  }

  private static Duration[] millis(double... ms) {
    Duration[] d = new Duration[ms.length];
    for (int i = 0; i < ms.length; i++) {
      d[i] = Duration.ofNanos(Math.round(ms[i] * 1e6));
    }
    return d;
  }

  /**
   * One route and model's latency timer and its request counters by status, made as statuses occur.
   */
  private static final class Meters {
    private final MeterRegistry registry;
    private final Route route;
    private final ModelLabel model;
    private final Timer latency;
    private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(600);

    Meters(MeterRegistry registry, Route route, ModelLabel model) {
      this.registry = registry;
      this.route = route;
      this.model = model;
      this.latency =
          Timer.builder("digits.http.request.duration")
              .description("time from a request's headers to its answer, in the app")
              .tags("route", route.template(), "model", model.label())
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
    }

    Counter status(int status) {
      int i = status >= 0 && status < 600 ? status : 0;
      Counter c = byStatus.get(i);
      if (c == null) {
        c =
            Counter.builder("digits.http.requests")
                .description("requests answered, by route template, model and status")
                .tags("route", route.template(), "model", model.label())
                .tag("status", Integer.toString(status))
                .register(registry);
        byStatus.set(i, c);
      }
      return c;
    }
  }
}
