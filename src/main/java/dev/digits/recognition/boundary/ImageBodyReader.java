package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads a request body into the picture it holds, whatever form the client chose (see {@link
 * ImagePayload}), so that a resource method receives an {@link EncodedImage}. The declared
 * Content-Type is a hint; the content decides, so every media type is accepted here.
 */
@Provider
@Consumes({MediaType.WILDCARD, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public class ImageBodyReader extends WholeBodyReader<EncodedImage> {
  public ImageBodyReader() {
    super(EncodedImage.class);
  }

  @Override
  EncodedImage parse(byte[] body, String contentType) {
    return ImagePayload.parse(body, contentType);
  }
}
