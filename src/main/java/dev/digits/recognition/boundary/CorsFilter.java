package dev.digits.recognition.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Any origin may call the API, as the old app allowed, but without credentials. Preflight OPTIONS
 * requests are answered here, before routing. API answers are never cached.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      request.abortWith(Response.noContent().build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> h = response.getHeaders();
    h.putSingle("Access-Control-Allow-Origin", "*");
    // The inference protocol's binary answers give their JSON's length in a header a page must
    // read.
    h.putSingle("Access-Control-Expose-Headers", "Retry-After, Inference-Header-Content-Length");
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      h.putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      String asked = request.getHeaderString("Access-Control-Request-Headers");
      h.putSingle(
          "Access-Control-Allow-Headers",
          asked == null || asked.isBlank() ? "Content-Type" : asked);
      h.putSingle("Access-Control-Max-Age", "86400");
    }
    h.putSingle("Cache-Control", "no-store");
  }
}
