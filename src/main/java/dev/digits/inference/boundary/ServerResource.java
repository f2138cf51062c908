package dev.digits.inference.boundary;

import dev.digits.operations.control.Drain;
import dev.digits.recognition.control.Recognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * The Open Inference Protocol's server endpoints: metadata, liveness and readiness (public at /v2;
 * RouteFilter forwards them here). Ready means both models are loaded and the app is not draining
 * for shutdown, as /health/ready says.
 */
@Path("v2")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ServerResource {
  private static final String POM = "/META-INF/maven/dev.digits/digit-identifier/pom.properties";

  @Inject Recognizer recognizer;
  @Inject Drain drain;

  private volatile String version;

  @GET
  public ServerMetadata metadata(@Context ServletContext context) {
    return new ServerMetadata("digit-identifier", version(context), List.of("binary_tensor_data"));
  }

  @GET
  @Path("health/live")
  public ServerLive live() {
    return new ServerLive(true);
  }

  /**
   * 200 once the models are loaded, else 503 (also while draining for shutdown): clients read the
   * status, as the spec says.
   */
  @GET
  @Path("health/ready")
  public Response ready() {
    boolean ready = recognizer.state().isReady() && !drain.draining();
    return Response.status(ready ? 200 : 503).entity(new ServerReady(ready)).build();
  }

  /** The WAR's version, from the descriptor Maven packs into it. */
  private String version(ServletContext context) {
    if (version == null) {
      Properties pom = new Properties();
      try (InputStream in = context.getResourceAsStream(POM)) {
        if (in != null) {
          pom.load(in);
        }
      } catch (IOException e) {
        // no descriptor to read: the version is unknown, which the answer says
      }
      version = pom.getProperty("version", "unknown");
    }
    return version;
  }
}
