package dev.digits.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document at /openapi where the server has no MicroProfile OpenAPI (GlassFish): the
 * app's META-INF/openapi.yaml, which every server serves (none scans the annotations: {@code
 * mp.openapi.scan.disable}), as YAML, or as JSON on {@code Accept: application/json} or {@code
 * ?format=JSON} like MicroProfile OpenAPI. Where the server serves /openapi itself (Payara Micro,
 * WildFly's microprofile profile, Open Liberty), its endpoint owns the path. The JSON comes from
 * the YAML through the Jackson that ND4J already ships shaded in the WAR.
 */
@WebServlet("/openapi")
public class OpenApiServlet extends HttpServlet {
  private static final String DOCUMENT = "/META-INF/openapi.yaml";
  private byte[] yaml;
  private byte[] json;

  @Override
  public void init() throws ServletException {
    try (InputStream in = OpenApiServlet.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new ServletException(DOCUMENT + " is missing from the WAR");
      }
      yaml = in.readAllBytes();
      json = new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(DOCUMENT + " is not readable YAML", e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    boolean asJson =
        "JSON".equalsIgnoreCase(req.getParameter("format"))
            || (req.getParameter("format") == null
                && String.valueOf(req.getHeader("Accept")).contains("application/json"));
    res.setContentType(asJson ? "application/json" : "application/yaml;charset=UTF-8");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getOutputStream().write(asJson ? json : yaml);
  }
}
