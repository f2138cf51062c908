package dev.digits.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (no such route, wrong method...) as JSON errors, keeping their
 * status.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String message =
        switch (status) {
          case 404 -> "no such API route";
          case 405 -> "method not allowed on this route";
          case 406 -> "this route answers application/json only";
          case 415 -> "unsupported Content-Type";
          default -> status >= 500 ? "internal error" : "bad request";
        };
    Response.ResponseBuilder r = Response.fromResponse(ErrorBody.response(status, message));
    if (original.getHeaderString("Allow") != null) {
      r.header("Allow", original.getHeaderString("Allow"));
    }
    return r.build();
  }
}
