package dev.digits.recognition.boundary;

import dev.digits.operations.control.Metrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bytedeco.javacpp.Pointer;

/**
 * Publishes ND4J's off-heap memory (allocated through JavaCPP, invisible to heap metrics) beside
 * the JVM's own figures, so a soak run can see whether native memory grows.
 */
@ApplicationScoped
public class MemoryGauges {
  @Inject Metrics metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Gauge.builder("javacpp.allocated", Pointer::totalBytes)
        .baseUnit(BaseUnits.BYTES)
        .description("bytes allocated off-heap through JavaCPP (ND4J arrays)")
        .register(metrics.registry());
    Gauge.builder("javacpp.physical", Pointer::physicalBytes)
        .baseUnit(BaseUnits.BYTES)
        .description("resident memory of the process as JavaCPP measures it")
        .register(metrics.registry());
  }
}
