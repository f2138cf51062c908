package dev.digits.problems;

import dev.digits.image.RejectedImageException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Input that cannot be read as a digit: 400, 413, 415 or 422 with the reason in words. */
@Provider
public class RejectedImageMapper implements ExceptionMapper<RejectedImageException> {
  @Override
  public Response toResponse(RejectedImageException e) {
    int status =
        switch (e.reason()) {
          case MALFORMED -> 400;
          case TOO_LARGE -> 413;
          case UNSUPPORTED -> 415;
          case NO_DIGIT -> 422;
        };
    return ErrorBody.response(status, e.getMessage());
  }
}
