package dev.digits.operations.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The requests in the app now, and the drain at shutdown: once it starts, readiness is down and new
 * requests are refused, while those already in are waited for, up to a grace period.
 */
@ApplicationScoped
public class Drain {
  private static final Logger LOG = Logger.getLogger(Drain.class.getName());
  private static final long POLL_MILLIS = 5;

  @Inject Metrics metrics;

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  private Counter refused;

  @PostConstruct
  void start() {
    Gauge.builder("digits.http.requests.in.flight", inFlight, AtomicInteger::get)
        .description("requests being answered by the app")
        .register(metrics.registry());
    Gauge.builder("digits.draining", this, d -> d.draining ? 1 : 0)
        .description("1 once the app drains for shutdown: not ready, refusing new requests")
        .register(metrics.registry());
    refused = RecognitionMeters.rejections(metrics.registry(), "draining");
  }

  /**
   * Counts a request in; false, counting nothing, once draining. The count is raised before the
   * flag is read and the drain sets the flag before it reads the count, so no request slips past.
   */
  public boolean enter() {
    inFlight.incrementAndGet();
    if (draining) {
      inFlight.decrementAndGet();
      refused.increment();
      return false;
    }
    return true;
  }

  /** Counts a request out (one that {@link #enter} let in). */
  public void exit() {
    inFlight.decrementAndGet();
  }

  public boolean draining() {
    return draining;
  }

  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Turns readiness down and refuses new requests from now on, then waits until the requests in the
   * app have been answered and at least {@code linger} has passed, or the grace period is over;
   * answers how many are still in. The linger is for load balancers that learn of a stopping
   * instance only from its refusals (nginx marks one failed after max_fails of them): once the
   * server's own shutdown begins, a request still sent here may get a broken answer (an empty 200
   * was seen) that no proxy retries.
   */
  public int drain(Duration grace, Duration linger) {
    draining = true;
    long start = System.nanoTime();
    int left = inFlight.get();
    LOG.info(() -> "draining: " + inFlight.get() + " in flight, grace " + grace.toMillis() + " ms");
    long deadline = start + grace.toNanos();
    long lingerEnd = start + Math.min(linger.toNanos(), grace.toNanos());
    while ((left > 0 || System.nanoTime() - lingerEnd < 0) && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = inFlight.get();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    int still = left;
    if (still == 0) {
      LOG.info(() -> "drained in " + ms + " ms");
    } else {
      LOG.warning(
          () -> "drain ended after " + ms + " ms (the grace period) with " + still + " in flight");
    }
    return still;
  }
}
