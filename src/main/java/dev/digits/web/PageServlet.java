package dev.digits.web;

import dev.digits.recognition.boundary.ApiLimits;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Serves the pages: the canvas at / and /digit/, the upload page at /digit/image/, the API guide.
 * The old app's paths end in '/', which exact servlet mappings cannot portably match (Open Liberty
 * ignores such mappings), so /digit/* is one prefix mapping and the path within it picks the page.
 */
@WebServlet(urlPatterns = {"", "/digit/*", "/api-guide"})
public class PageServlet extends HttpServlet {
  private static final Map<String, String> VIEWS =
      Map.of("", "canvas", "/digit", "canvas", "/digit/image", "upload", "/api-guide", "api");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String view = VIEWS.get(path);
    if (view == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    req.setAttribute("limits", ApiLimits.named());
    req.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(req, res);
  }
}
