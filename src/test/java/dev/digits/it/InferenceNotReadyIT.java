package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR pointed at a models folder that does not exist: it deploys, is live, and the
 * inference protocol says not ready (503) in its own JSON on every endpoint that needs the models;
 * MicroProfile Health's readiness (the server's or the app's own) is DOWN. Not a DeployedApp: its
 * deployment would be a second one beside this.
 */
@ExtendWith({ArquillianExtension.class, ServerLog.class})
class InferenceNotReadyIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return DeployedApp.warWithConfig("digits.models.dir=/no/such/models\n");
  }

  @Test
  void liveButNotReadyAndEveryModelCallAnswers503() {
    Http http = new Http(base);
    assertBody(200, "{\"live\":true}", http.get("/v2/health/live"));
    assertBody(503, "{\"ready\":false}", http.get("/v2/health/ready"));
    assertBody(503, "{\"name\":\"cnn\",\"ready\":false}", http.get("/v2/models/cnn/ready"));
    HttpResponse<String> ready = http.get("/health/ready");
    assertEquals(503, ready.statusCode(), ready.body());
    JsonObject health = (JsonObject) Http.json(ready);
    assertEquals("DOWN", health.getString("status"), ready.body());
    assertEquals(
        "failed",
        health.getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("state"));
    assertEquals(200, http.get("/health/live").statusCode());
    String body =
        "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"UINT8\",\"shape\":[1,784],\"data\":["
            + "0,".repeat(783)
            + "0]}]}";
    for (HttpResponse<String> r :
        List.of(
            http.get("/v2/models/cnn"),
            http.post("/v2/models/cnn/infer", "application/json", body))) {
      assertEquals(503, r.statusCode(), r.body());
      assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
      JsonObject o = (JsonObject) Http.json(r);
      assertEquals(1, o.size(), r.body());
      assertTrue(o.getString("error").contains("models failed to load"), r.body());
    }
  }

  private static void assertBody(int status, String body, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(body, r.body());
  }
}
