package dev.digits.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders the error pages web.xml names, whatever the method of the request that failed. The
 * container dispatches an error with the client's method, and a page reached with one it does not
 * know (PATCH, PROPFIND) would turn a 403 or 404 into an empty 501; here the page is read as GET.
 */
@WebServlet("/WEB-INF/error/*")
public class ErrorPageServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String view = "/not-found".equals(req.getPathInfo()) ? "not-found" : "error";
    HttpServletRequest read =
        new HttpServletRequestWrapper(req) {
          @Override
          public String getMethod() {
            return "GET";
          }
        };
    req.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(read, res);
  }
}
