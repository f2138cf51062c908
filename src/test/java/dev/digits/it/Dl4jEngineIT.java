package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.image.EncodedImage;
import dev.digits.image.Preprocessor;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import jakarta.json.JsonArray;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR with the CNN on DL4J's own inference ({@code digits.cnn.engine=dl4j}, set in the
 * deployment's MicroProfile Config): ND4J starts inside the server from the WAR's libraries alone
 * (the pom leaves some of DL4J's dependencies out of the WAR) and answers as DL4J does in process.
 */
@ExtendWith({ArquillianExtension.class, ServerLog.class})
class Dl4jEngineIT {
  private static final int DIGITS = 40;
  private static final int OFFSET = 2000; // away from the digits other tests use

  @Deployment(testable = false)
  static WebArchive deployment() {
    return DeployedApp.warWithConfig("digits.cnn.engine=dl4j\n");
  }

  @ArquillianResource URL base;

  @Test
  void everyCnnRouteAnswersAsDl4jInProcess() throws InterruptedException {
    Http http = new Http(base);
    http.awaitReady();
    MnistDataset test = MnistFixture.test();
    DigitClassifier dl4j = ModelFiles.cnn(Path.of("models"));
    StringBuilder batch = new StringBuilder("{\"images\":[");
    int[] expected = new int[DIGITS];
    for (int i = 0; i < DIGITS; i++) {
      byte[] png =
          CanvasRenderer.png(CanvasRenderer.render(test.images()[OFFSET + i], Style.oldCanvas()));
      String dataUrl = CanvasRenderer.dataUrl(png);
      expected[i] =
          Prediction.argmax(dl4j.probabilities(Preprocessor.toMnist(EncodedImage.of(png))));
      HttpResponse<String> r = http.post("/digit/cnn/", "application/json", dataUrl);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(Integer.toString(expected[i]), r.body(), "digit " + (OFFSET + i));
      batch.append(i == 0 ? "\"" : ",\"").append(dataUrl).append('"');
    }
    HttpResponse<String> r =
        http.post(
            "/api/v1/predict/batch?model=cnn", "application/json", batch.append("]}").toString());
    assertEquals(200, r.statusCode(), r.body());
    JsonArray answers = (JsonArray) Http.json(r);
    assertEquals(DIGITS, answers.size());
    for (int i = 0; i < DIGITS; i++) {
      assertEquals(expected[i], answers.getJsonObject(i).getInt("digit"), "batch answer " + i);
    }
  }

  /**
   * Only ND4J allocates through JavaCPP: memory there shows the answers came from DL4J, not the
   * Java engine. The app's gauge of it is at /prometheus, on every server.
   */
  @Test
  void theCnnRunsOnNd4j() throws InterruptedException {
    Http http = new Http(base);
    http.awaitReady();
    assertEquals(
        "7", http.post("/digit/cnn/", "application/json", sevenDataUrl()).body(), "a CNN answer");
    assertTrue(
        http.metric("javacpp_allocated_bytes") > 0, "no ND4J memory: the CNN did not run on DL4J");
  }

  private static String sevenDataUrl() {
    return CanvasRenderer.dataUrl(
        CanvasRenderer.png(
            CanvasRenderer.render(MnistFixture.test().images()[0], Style.oldCanvas())));
  }
}
