package dev.digits.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A failure of ours, not the client's: logged in full here, answered without internals. */
@Provider
public class UnexpectedMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    LOG.log(Level.SEVERE, "unexpected failure while answering a request", e);
    return ErrorBody.response(500, "internal error");
  }
}
