package dev.digits.operations.boundary;

import dev.digits.operations.control.Metrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The app's metrics in Prometheus's text format, at a path no server claims for itself (Payara's
 * and Open Liberty's MicroProfile Metrics answer /metrics ahead of an app at the root).
 */
@WebServlet(PrometheusServlet.PATH)
public class PrometheusServlet extends HttpServlet {
  public static final String PATH = "/prometheus";

  @Inject Metrics metrics;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setContentType(metrics.contentType());
    res.setHeader("Cache-Control", "no-store");
    metrics.scrape(res.getOutputStream());
  }
}
