package dev.digits.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Routes by method. The old app served its pages and its API on the same paths: GET /digit/ is the
 * canvas page, POST /digit/ the ANN, so other methods on those paths go to the API's legacy
 * resource. Everything outside the API is read-only: other methods get a plain 405 here, before any
 * servlet or JSP (which would not all answer them cleanly).
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

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String target = ROUTES.get(path);
    boolean read = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
    if (target != null && !read) {
      req.getRequestDispatcher(target).forward(req, res);
    } else if (read || path.startsWith("/api/")) {
      chain.doFilter(req, res);
    } else {
      res.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      res.setHeader("Allow", "GET, HEAD");
      res.setContentType("text/plain;charset=UTF-8");
      res.getWriter().write("405 Method Not Allowed: pages can only be read (GET).\n");
    }
  }
}
