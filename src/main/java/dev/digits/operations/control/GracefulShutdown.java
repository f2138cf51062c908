package dev.digits.operations.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On SIGTERM, on any server, drains the app before the server's own shutdown starts: readiness
 * down, new requests refused with 503, those in flight answered, all within the grace period. The
 * server's shutdown hooks cannot do this: the JVM runs them all at once, so the server would stop
 * its listeners while the app waits. Undeploying puts the previous handler back.
 */
@ApplicationScoped
public class GracefulShutdown {
  private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());

  /** Longest wait for the requests in flight at SIGTERM, in seconds; 0 leaves SIGTERM alone. */
  @Inject
  @ConfigProperty(name = "digits.shutdown.grace", defaultValue = "10")
  double graceSeconds;

  /**
   * Least time the drain refuses new requests before the server stops, within the grace: enough for
   * a proxy to see refusals and send elsewhere. In seconds.
   */
  @Inject
  @ConfigProperty(name = "digits.shutdown.linger", defaultValue = "1")
  double lingerSeconds;

  @Inject Drain drain;

  private TermSignal handler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (graceSeconds <= 0) {
      LOG.info("digits.shutdown.grace is 0: SIGTERM stops the server without draining");
      return;
    }
    Duration grace = Duration.ofMillis(Math.round(graceSeconds * 1000));
    try {
      Duration linger = Duration.ofMillis(Math.round(Math.max(0, lingerSeconds) * 1000));
      handler = TermSignal.install(() -> drain.drain(grace, linger));
    } catch (IllegalArgumentException | LinkageError e) {
      // The JVM keeps SIGTERM (-Xrs) or the server hides module jdk.unsupported from the app.
      LOG.warning("no graceful shutdown: SIGTERM cannot be handled here (" + e + ")");
    }
  }

  @PreDestroy
  void stop() {
    if (handler != null) {
      handler.restore();
    }
  }
}
