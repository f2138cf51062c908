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
 * The old app served its pages and its API on the same paths: GET /digit/ is the canvas page, POST
 * /digit/ the ANN. Requests other than GET and HEAD on those paths go to the API's legacy resource.
 */
@WebFilter(urlPatterns = "/*")
public class LegacyRouteFilter extends HttpFilter {
  private static final Map<String, String> ROUTES = Map.of(
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
    String target = ROUTES.get(req.getRequestURI().substring(req.getContextPath().length()));
    String method = req.getMethod();
    if (target != null && !method.equals("GET") && !method.equals("HEAD")) {
      req.getRequestDispatcher(target).forward(req, res);
    } else {
      chain.doFilter(req, res);
    }
  }
}
