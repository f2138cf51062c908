package dev.digits.recognition.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A reader of values made from a whole request body: the body is read within the size limit (see
 * {@link BodyReader}), then parsed with the request's Content-Type as a hint.
 */
abstract class WholeBodyReader<T> implements MessageBodyReader<T> {
  private final Class<T> type;

  WholeBodyReader(Class<T> type) {
    this.type = type;
  }

  /** The value a body holds; {@code contentType} is the request's header, or null. */
  abstract T parse(byte[] body, String contentType);

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == this.type;
  }

  @Override
  public T readFrom(
      Class<T> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    byte[] bytes = BodyReader.read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH));
    return parse(bytes, headers.getFirst(HttpHeaders.CONTENT_TYPE));
  }
}
