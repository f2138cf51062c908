package dev.digits.benchmark;

import com.sun.management.ThreadMXBean;
import dev.digits.model.Prediction;
import dev.digits.operations.control.ModelLabel;
import dev.digits.operations.control.RecognitionMeters;
import dev.digits.operations.control.Route;
import dev.digits.operations.control.RouteMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;

/**
 * What the metrics cost one request, in process: the route's lookup, its status counter and latency
 * histogram, the prediction's counters and the batch size, as an ANN request on /digit/ records
 * them. Thread CPU time and bytes allocated, so that other load on the machine does not count.
 */
public final class MeterCost {
  private static final int REQUESTS = 2_000_000;

  public static void main(String[] args) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RouteMeters routes = RouteMeters.in(registry);
    RecognitionMeters recognition = RecognitionMeters.in(registry, 0.5);
    float[] probabilities = new float[10];
    probabilities[7] = 0.99f;
    Prediction seven = Prediction.of(probabilities);
    ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 5; round++) {
      long cpu = thread.getCurrentThreadCpuTime();
      long bytes = thread.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < REQUESTS; i++) {
        Route route = Route.of("POST", "/digit/");
        ModelLabel model = route.model("/digit/", null);
        routes.record(route, model, 200, 400_000 + (i & 1023) * 1000L);
        recognition.predicted("ann", seven);
        recognition.batch("ann", 1);
      }
      System.out.printf(
          "round %d: %.0f ns of CPU and %.1f bytes allocated per request%n",
          round,
          (thread.getCurrentThreadCpuTime() - cpu) / (double) REQUESTS,
          (thread.getCurrentThreadAllocatedBytes() - bytes) / (double) REQUESTS);
    }
  }
}
