package dev.digits.operations.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The app's one metrics registry (Micrometer's, bundled in the WAR, so that every server exposes
 * the same metrics), written in Prometheus's text format. Without Micrometer's JVM binders: with
 * them the dl4j engine no longer loaded in the 640 MiB heap on a plain Payara Micro jar
 * (Dl4jEngineIT: OutOfMemoryError while JavaCPP read ND4J's native library, twice in two runs).
 */
@ApplicationScoped
public class Metrics {
  private PrometheusMeterRegistry registry;

  @PostConstruct
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Content-Type of {@link #scrape}'s text. */
  public String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  public void scrape(OutputStream out) throws IOException {
    registry.scrape(out);
  }

  @PreDestroy
  void stop() {
    registry.close();
  }
}
