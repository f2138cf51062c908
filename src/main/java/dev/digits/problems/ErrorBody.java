package dev.digits.problems;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every error answer: {@code {"status": 415, "error": "..."}}. */
@JsonbPropertyOrder({"status", "error"})
public record ErrorBody(int status, String error) {

  public static Response response(int status, String error) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ErrorBody(status, error))
        .build();
  }
}
