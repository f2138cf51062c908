package dev.digits.inference.boundary;

import dev.digits.inference.control.InferenceException;
import dev.digits.problems.ErrorBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused inference request: 400, 404 or 413 with the reason in words. */
@Provider
public class InferenceExceptionMapper implements ExceptionMapper<InferenceException> {
  @Override
  public Response toResponse(InferenceException e) {
    int status =
        switch (e.reason()) {
          case MALFORMED -> 400;
          case NOT_FOUND -> 404;
          case TOO_LARGE -> 413;
        };
    return ErrorBody.response(status, e.getMessage());
  }
}
