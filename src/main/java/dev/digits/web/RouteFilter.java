package dev.digits.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Routes by method. The old app served its pages and its API on the same paths: GET /digit/ is the
 * canvas page, POST /digit/ the ANN, so other methods on those paths go to the API's legacy
 * resource. Everything outside the API is read-only: other methods get a plain 405 here, before any
 * servlet or JSP (which would not all answer them cleanly). The Open Inference Protocol fixes its
 * paths at /v2: every method there goes to the API's resources under /api/v2.
 */
@WebFilter(urlPatterns = "/*")
public class RouteFilter extends HttpFilter {
  private static final Map<String, String> ROUTES =
      Map.of(
          "/", "/api/legacy/ann",
          "/digit", "/api/legacy/ann",
          "/digit/", "/api/legacy/ann",
          "/cnn", "/api/legacy/cnn",
          "/cnn/", "/api/legacy/cnn",
          "/digit/cnn", "/api/legacy/cnn",
          "/digit/cnn/", "/api/legacy/cnn");

  /**
   * A /v2 path forwarded as it is: plain segments only, so that no dot segment or escape can make
   * the forward reach anything but the API (a forward may reach WEB-INF).
   */
  private static final Pattern PROTOCOL =
      Pattern.compile("/v2(/[A-Za-z0-9_~\\-][A-Za-z0-9._~\\-]*)*/?");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String target = ROUTES.get(path);
    boolean read = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
    if (target != null && !read) {
      req.getRequestDispatcher(target).forward(req, res);
    } else if (path.equals("/v2") || path.startsWith("/v2/")) {
      protocol(path, req, res);
    } else if (read || path.startsWith("/api/")) {
      chain.doFilter(req, res);
    } else {
      res.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      res.setHeader("Allow", "GET, HEAD");
      res.setContentType("text/plain;charset=UTF-8");
      res.getWriter().write("405 Method Not Allowed: pages can only be read (GET).\n");
    }
  }

  private static void protocol(String path, HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    if (PROTOCOL.matcher(path).matches()) {
      req.getRequestDispatcher("/api" + path).forward(req, res);
    } else {
      res.setStatus(HttpServletResponse.SC_NOT_FOUND);
      res.setContentType("application/json");
      res.getOutputStream()
          .write("{\"error\":\"no such route of the inference protocol\"}".getBytes(UTF_8));
    }
  }
}
