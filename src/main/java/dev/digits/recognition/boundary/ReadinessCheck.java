package dev.digits.recognition.boundary;

import dev.digits.recognition.control.Recognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once both models are loaded (MicroProfile Health, /health/ready). */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject Recognizer recognizer;

  @Override
  public HealthCheckResponse call() {
    var r = HealthCheckResponse.named("models").status(recognizer.isReady());
    if (!recognizer.isReady()) {
      r.withData("reason", recognizer.notReadyReason());
    }
    return r.build();
  }
}
