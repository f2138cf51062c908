package dev.digits.recognition.control;

import java.util.Locale;

/**
 * Whether the models can recognise digits: still loading, ready, or failed to load (with the
 * reason).
 */
public record ModelState(Status status, String reason) {
  /** Where the models are in their life. */
  public enum Status {
    LOADING,
    READY,
    FAILED
  }

  public static final ModelState LOADING =
      new ModelState(Status.LOADING, "models are still loading");
  public static final ModelState READY = new ModelState(Status.READY, "models loaded");

  public ModelState {
    if (status == null || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a model state needs a status and a reason");
    }
  }

  public static ModelState failed(String reason) {
    return new ModelState(Status.FAILED, reason);
  }

  /** The status as health checks report it: loading, ready or failed. */
  public String state() {
    return status.name().toLowerCase(Locale.ROOT);
  }

  public boolean isReady() {
    return status == Status.READY;
  }
}
