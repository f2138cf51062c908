package dev.digits.problems;

import dev.digits.recognition.control.UnknownModelException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown {@code model}: 404, naming the models there are. */
@Provider
public class UnknownModelMapper implements ExceptionMapper<UnknownModelException> {
  @Override
  public Response toResponse(UnknownModelException e) {
    return ErrorBody.response(404, e.getMessage());
  }
}
