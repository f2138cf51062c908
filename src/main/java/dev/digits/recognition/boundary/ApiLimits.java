package dev.digits.recognition.boundary;

import dev.digits.image.ImageDecoder;
import java.util.Map;

/**
 * The limits a request must keep to, in one place for the code that enforces them and the pages
 * that state them.
 */
public final class ApiLimits {
  /** The largest request body read; a larger one gets 413 before it is parsed. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** The most images one batch request holds. */
  public static final int MAX_BATCH = 64;

  private ApiLimits() {}

  /** The limits by name, for the pages: bodyMib, side, megapixels, batch. */
  public static Map<String, Object> named() {
    return Map.of(
        "bodyMib",
        MAX_BODY_BYTES >> 20,
        "side",
        ImageDecoder.MAX_SIDE,
        "megapixels",
        ImageDecoder.MAX_PIXELS / 1_000_000,
        "batch",
        MAX_BATCH);
  }
}
