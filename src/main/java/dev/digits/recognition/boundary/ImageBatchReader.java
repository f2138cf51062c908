package dev.digits.recognition.boundary;

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
 * Reads a batch request, {@code {"images": [...]}}, into its pictures (see {@link BatchPayload}).
 */
@Provider
@Consumes({MediaType.WILDCARD, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public class ImageBatchReader implements MessageBodyReader<ImageBatch> {
  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == ImageBatch.class;
  }

  @Override
  public ImageBatch readFrom(
      Class<ImageBatch> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    return new ImageBatch(
        BatchPayload.images(BodyReader.read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH))));
  }
}
