package dev.digits.recognition.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bytedeco.javacpp.Pointer;
import org.eclipse.microprofile.metrics.MetadataBuilder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Publishes ND4J's off-heap memory (allocated through JavaCPP, invisible to heap metrics) at
 * /metrics, beside the JVM's own heap figures, so a soak run can see whether native memory grows.
 */
@ApplicationScoped
public class MemoryGauges {
  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(
        new MetadataBuilder()
            .withName("javacpp.bytes")
            .withUnit(MetricUnits.BYTES)
            .withDescription("bytes allocated off-heap through JavaCPP (ND4J arrays)")
            .build(),
        Pointer::totalBytes);
    registry.gauge(
        new MetadataBuilder()
            .withName("javacpp.physical.bytes")
            .withUnit(MetricUnits.BYTES)
            .withDescription("resident memory of the process as JavaCPP measures it")
            .build(),
        Pointer::physicalBytes);
  }
}
