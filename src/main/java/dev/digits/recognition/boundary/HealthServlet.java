package dev.digits.recognition.boundary;

import dev.digits.operations.control.Drain;
import dev.digits.recognition.control.ModelState;
import dev.digits.recognition.control.Recognizer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * MicroProfile Health's endpoints, in its JSON, where the server does not serve them on the app's
 * port (GlassFish has no MicroProfile Health; WildFly serves it on its management port only):
 * readiness from the same model state as {@link ReadinessCheck}, liveness always up. Where the
 * server serves /health itself (Payara Micro, Open Liberty), its endpoint owns the path and this
 * servlet is never reached.
 */
@WebServlet({"/health", "/health/ready", "/health/live", "/health/started"})
public class HealthServlet extends HttpServlet {
  /** One factory for every answer: each {@code Json.create...} call looks the provider up. */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

  @Inject Recognizer recognizer;
  @Inject Drain drain;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    boolean live = req.getServletPath().equals("/health/live");
    ModelState models = recognizer.state();
    JsonObject answer =
        live
            ? up()
            : drain.draining()
                ? readiness(false, "draining", "shutting down")
                : readiness(models.isReady(), models.state(), models.reason());
    res.setStatus(
        answer.getString("status").equals("UP")
            ? HttpServletResponse.SC_OK
            : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    res.setContentType("application/json");
    res.getOutputStream().write(answer.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject up() {
    return JSON.createObjectBuilder()
        .add("status", "UP")
        .add("checks", JSON.createArrayBuilder())
        .build();
  }

  /** MicroProfile Health's JSON for one check, "models", as {@link ReadinessCheck} reports it. */
  static JsonObject readiness(boolean ready, String state, String reason) {
    String status = ready ? "UP" : "DOWN";
    JsonObject check =
        JSON.createObjectBuilder()
            .add("name", "models")
            .add("status", status)
            .add("data", JSON.createObjectBuilder().add("state", state).add("reason", reason))
            .build();
    return JSON.createObjectBuilder()
        .add("status", status)
        .add("checks", JSON.createArrayBuilder().add(check))
        .build();
  }
}
