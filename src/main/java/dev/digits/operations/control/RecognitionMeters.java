package dev.digits.operations.control;

import dev.digits.model.Prediction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the models answer: predictions by digit and model, the doubtful ones, images per call,
 * refusals, images in flight and how long the models took to load. Every meter a recognition
 * touches is made at startup.
 */
@ApplicationScoped
public class RecognitionMeters {
  /**
   * A prediction whose probability is below this counts as a low-confidence answer; unset, each
   * model's card says where (its calibration's {@code lowConfidenceBelow}).
   */
  @Inject
  @ConfigProperty(name = "digits.low-confidence")
  Optional<Double> lowConfidence = Optional.empty();

  @Inject Metrics metrics;

  private MeterRegistry registry;
  private PerModel[] models;
  private Counter busy;
  private Counter notReady;

  /** For unit tests: the meters in the given registry. */
  public static RecognitionMeters in(MeterRegistry registry, double lowConfidence) {
    RecognitionMeters m = new RecognitionMeters();
    m.lowConfidence = Optional.of(lowConfidence);
    m.register(registry);
    return m;
  }

  @PostConstruct
  void start() {
    register(metrics.registry());
  }

  private void register(MeterRegistry registry) {
    this.registry = registry;
    ModelLabel[] labels = ModelLabel.values();
    models = new PerModel[labels.length];
    for (ModelLabel m : labels) {
      if (m != ModelLabel.UNKNOWN) {
        models[m.ordinal()] = new PerModel(registry, m.label(), lowConfidence.orElse(0.5));
      }
    }
    busy = rejections(registry, "busy");
    notReady = rejections(registry, "not_ready");
  }

  static Counter rejections(MeterRegistry registry, String reason) {
    return Counter.builder("digits.rejections")
        .description("requests refused with 503: busy, models not ready, or draining for shutdown")
        .tag("reason", reason)
        .register(registry);
  }

  /** One model's answer to one image (or one digit of a number read). */
  public void predicted(String model, Prediction p) {
    PerModel m = models[ModelLabel.named(model).ordinal()];
    m.digits[p.digit()].increment();
    if (p.confidence() < m.below) {
      m.lowConfidence.increment();
    }
  }

  /** Where the card puts a model's low-confidence threshold, unless configured for all. */
  public void lowConfidenceBelow(String model, double threshold) {
    if (lowConfidence.isEmpty()) {
      models[ModelLabel.named(model).ordinal()].below = threshold;
    }
  }

  /** A call that recognises {@code images} images (or reads that many pictures) at once. */
  public void batch(String model, int images) {
    models[ModelLabel.named(model).ordinal()].batch.record(images);
  }

  public void busy() {
    busy.increment();
  }

  public void notReady() {
    notReady.increment();
  }

  /** The images being recognised now, read at each scrape. */
  public void imagesInFlight(IntSupplier images) {
    Gauge.builder("digits.images.in.flight", images, IntSupplier::getAsInt)
        .description("images being recognised now (digits.max-in-flight at most)")
        .strongReference(true)
        .register(registry);
  }

  public void loaded(String model, Duration time) {
    long nanos = time.toNanos();
    TimeGauge.builder("digits.model.load", () -> nanos, TimeUnit.NANOSECONDS)
        .description("time the model took to load at startup")
        .tag("model", model)
        .strongReference(true)
        .register(registry);
  }

  /** One model's meters. */
  private static final class PerModel {
    final Counter[] digits = new Counter[10];
    final Counter lowConfidence;
    final DistributionSummary batch;
    volatile double below;

    PerModel(MeterRegistry registry, String model, double below) {
      this.below = below;
      for (int d = 0; d < digits.length; d++) {
        digits[d] =
            Counter.builder("digits.predictions")
                .description("digits recognised, by model and digit")
                .tags("model", model, "digit", Integer.toString(d))
                .register(registry);
      }
      lowConfidence =
          Counter.builder("digits.predictions.low.confidence")
              .description("predictions below the model's low-confidence threshold")
              .tag("model", model)
              .register(registry);
      batch =
          DistributionSummary.builder("digits.batch.size")
              .description("images per recognition call: 1 on the one-image routes")
              .baseUnit("images")
              .tag("model", model)
              .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
              .register(registry);
    }
  }
}
