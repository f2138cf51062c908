package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a request body into the picture it holds, whatever form the client chose (see {@link
 * ImagePayload}), so that a resource method receives an {@link EncodedImage}. The declared
 * Content-Type is a hint; the content decides, so every media type is accepted here.
 */
@Provider
@Consumes({MediaType.WILDCARD, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public class ImageBodyReader implements MessageBodyReader<EncodedImage> {
  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == EncodedImage.class;
  }

  @Override
  public EncodedImage readFrom(
      Class<EncodedImage> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    return ImagePayload.parse(
        BodyReader.read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH)),
        headers.getFirst(HttpHeaders.CONTENT_TYPE));
  }
}
