package dev.digits.operations.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The app's one metrics registry (Micrometer's, bundled in the WAR, so that every server exposes
 * the same metrics), written in Prometheus's text format, with the JVM's own figures bound to it.
 */
@ApplicationScoped
public class Metrics {
  private PrometheusMeterRegistry registry;
  private JvmGcMetrics gc;

  @PostConstruct
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics(); // listens to the GC's notifications until closed
    gc.bindTo(registry);
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

  /** Unhooks the GC listeners on undeploy, so that a redeployed app does not leave them behind. */
  @PreDestroy
  void stop() {
    gc.close();
    registry.close();
  }
}
