package dev.digits.inference.control;

import java.util.List;
import java.util.Objects;

/**
 * A decoded inference request: its id (null where it gave none), its image input, and the outputs
 * its answer carries, in order.
 */
public record InferenceRequest(String id, ImageInput image, List<OutputChoice> outputs) {
  public InferenceRequest {
    Objects.requireNonNull(image, "image");
    outputs = List.copyOf(outputs);
  }
}
