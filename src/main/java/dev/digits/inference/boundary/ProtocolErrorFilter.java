package dev.digits.inference.boundary;

import dev.digits.inference.control.JsonText;
import dev.digits.problems.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;

/**
 * Under /v2 errors take the inference protocol's form, {@code {"error": "..."}}, which its clients
 * read: every mapper's {@link ErrorBody} (a refused tensor, an unknown model, busy, not ready, no
 * such route) is rewritten here, keeping its status and headers (Retry-After).
 */
@Provider
public class ProtocolErrorFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof ErrorBody e && isProtocol(request.getUriInfo().getPath())) {
      byte[] body =
          ("{\"error\":" + JsonText.quote(e.error()) + "}").getBytes(StandardCharsets.UTF_8);
      response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }
  }

  static boolean isProtocol(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.equals("v2") || p.startsWith("v2/");
  }
}
