package dev.digits.recognition.boundary;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads a batch request, {@code {"images": [...]}}, into its pictures (see {@link BatchPayload}).
 */
@Provider
@Consumes({MediaType.WILDCARD, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public class ImageBatchReader extends WholeBodyReader<ImageBatch> {
  public ImageBatchReader() {
    super(ImageBatch.class);
  }

  @Override
  ImageBatch parse(byte[] body, String contentType) {
    return new ImageBatch(BatchPayload.images(body));
  }
}
