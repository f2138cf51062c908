package dev.digits.inference.boundary;

import dev.digits.inference.control.InferenceRequest;
import dev.digits.inference.control.RequestDecoder;
import dev.digits.recognition.boundary.BodyReader;
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
 * Reads an inference request body, JSON alone or JSON followed by binary tensor data, within the
 * API's body limit. Clients send either with any Content-Type or none (Triton's sends none), so
 * every media type is accepted; the content and Inference-Header-Content-Length decide.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class InferenceRequestReader implements MessageBodyReader<InferenceRequest> {
  static final String HEADER_LENGTH = "Inference-Header-Content-Length";

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == InferenceRequest.class;
  }

  @Override
  public InferenceRequest readFrom(
      Class<InferenceRequest> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    return RequestDecoder.decode(
        BodyReader.read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH)),
        headers.getFirst(HEADER_LENGTH));
  }
}
