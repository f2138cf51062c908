package dev.digits.recognition.boundary;

import dev.digits.operations.control.Drain;
import dev.digits.recognition.control.ModelState;
import dev.digits.recognition.control.Recognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once both models are loaded and until the app drains for shutdown (MicroProfile Health,
 * /health/ready), with the state and its reason; {@link HealthServlet} answers the same where the
 * server has no MicroProfile Health.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject Recognizer recognizer;
  @Inject Drain drain;

  @Override
  public HealthCheckResponse call() {
    ModelState models = recognizer.state();
    if (drain.draining()) {
      return HealthCheckResponse.named("models")
          .down()
          .withData("state", "draining")
          .withData("reason", "shutting down")
          .build();
    }
    return HealthCheckResponse.named("models")
        .status(models.isReady())
        .withData("state", models.state())
        .withData("reason", models.reason())
        .build();
  }
}
