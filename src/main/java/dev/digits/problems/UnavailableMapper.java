package dev.digits.problems;

import dev.digits.recognition.control.UnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Overload or not yet ready: 503 with Retry-After, so clients back off instead of piling on. */
@Provider
public class UnavailableMapper implements ExceptionMapper<UnavailableException> {
  @Override
  public Response toResponse(UnavailableException e) {
    return Response.fromResponse(ErrorBody.response(503, e.getMessage()))
        .header(HttpHeaders.RETRY_AFTER, "1")
        .build();
  }
}
