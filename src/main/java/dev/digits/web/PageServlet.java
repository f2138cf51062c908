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
 */
@WebServlet(urlPatterns = {"", "/digit", "/digit/", "/digit/image", "/digit/image/", "/api-guide"})
public class PageServlet extends HttpServlet {
  private static final Map<String, String> VIEWS =
      Map.of(
          "/digit/image", "upload",
          "/api-guide", "api");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String path = req.getServletPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String view = VIEWS.getOrDefault(path, "canvas");
    req.setAttribute("limits", ApiLimits.named());
    req.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(req, res);
  }
}
