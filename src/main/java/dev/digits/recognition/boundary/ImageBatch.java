package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import java.util.List;

/** A batch request's pictures, in the order the client sent them. */
public record ImageBatch(List<EncodedImage> images) {
  public ImageBatch {
    images = List.copyOf(images);
  }
}
