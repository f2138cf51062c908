package dev.digits.operations.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.digits.operations.control.Drain;
import dev.digits.operations.control.ModelLabel;
import dev.digits.operations.control.Route;
import dev.digits.operations.control.RouteMeters;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request passes here once: counted in flight (what the drain at shutdown waits for), refused
 * with 503 once draining, and on the recognition routes measured by route template, model and
 * status. It sees a request before RouteFilter or after it forwarded the request (to /api/...),
 * whichever order the server runs the filters in; health and metrics pass untouched.
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class TrafficFilter extends HttpFilter {
  private static final String SEEN = TrafficFilter.class.getName();
  private static final byte[] DRAINING =
      "{\"status\":503,\"error\":\"the server is shutting down: retry, another instance will answer\"}"
          .getBytes(UTF_8);
  private static final byte[] DRAINING_PROTOCOL =
      "{\"error\":\"the server is shutting down: retry, another instance will answer\"}"
          .getBytes(UTF_8);

  @Inject Drain drain;
  @Inject RouteMeters routes;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() == DispatcherType.FORWARD && req.getAttribute(SEEN) != null) {
      chain.doFilter(req, res);
      return;
    }
    String uri = req.getRequestURI();
    String context = req.getContextPath();
    String path = context.isEmpty() ? uri : uri.substring(context.length());
    if (passes(path)) {
      chain.doFilter(req, res);
      return;
    }
    req.setAttribute(SEEN, Boolean.TRUE);
    Route route = Route.of(req.getMethod(), path);
    ModelLabel model = route == null ? null : route.model(path, req.getQueryString());
    long start = System.nanoTime();
    if (!drain.enter()) {
      refuse(path, res);
      if (route != null) {
        routes.record(route, model, 503, System.nanoTime() - start);
      }
      return;
    }
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try {
      chain.doFilter(req, res);
      status = res.getStatus();
      if (route != null) {
        // The answer on its way before the drain may let the server stop. Not on other paths,
        // where the server may still have an error page to write after the filters.
        res.flushBuffer();
      }
    } finally {
      drain.exit();
      if (route != null) {
        routes.record(route, model, status, System.nanoTime() - start);
      }
    }
  }

  /** Health (readiness must answer while draining) and metrics: neither counted nor refused. */
  private static boolean passes(String path) {
    return path.startsWith("/health")
        || path.startsWith("/v2/health/")
        || path.startsWith("/api/v2/health/")
        || path.equals(PrometheusServlet.PATH);
  }

  /** 503 as the app's other errors (the inference protocol's form under /v2), and Retry-After. */
  private static void refuse(String path, HttpServletResponse res) throws IOException {
    boolean protocol = path.startsWith("/v2") || path.startsWith("/api/v2");
    byte[] body = protocol ? DRAINING_PROTOCOL : DRAINING;
    res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    res.setHeader("Retry-After", "1");
    res.setHeader("Connection", "close"); // a client or proxy reconnects, to another instance
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("application/json");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
