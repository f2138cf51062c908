package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR with the CNN on DL4J's own inference ({@code digits.cnn.engine=dl4j}, set in the
 * deployment's MicroProfile Config): ND4J starts inside the server from the WAR's libraries alone (the
 * pom leaves some of DL4J's dependencies out of the WAR) and answers as DL4J does in process.
 */
@ExtendWith(ArquillianExtension.class)
class Dl4jEngineIT {
  private static final int DIGITS = 40;
  private static final int OFFSET = 2000; // away from the digits other tests use

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war()
        .addAsResource(new StringAsset("digits.cnn.engine=dl4j\n"), "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  @Test
  void everyCnnRouteAnswersAsDl4jInProcess() {
    Http http = new Http(base);
    MnistDataset test = MnistFixture.test();
    DigitClassifier dl4j = ModelFiles.cnn(Path.of("models"));
    StringBuilder batch = new StringBuilder("{\"images\":[");
    int[] expected = new int[DIGITS];
    for (int i = 0; i < DIGITS; i++) {
      byte[] png = CanvasRenderer.png(CanvasRenderer.render(test.images()[OFFSET + i], Style.oldCanvas()));
      String dataUrl = CanvasRenderer.dataUrl(png);
      expected[i] = Prediction.argmax(dl4j.probabilities(Preprocessor.fromImageBytes(png)));
      HttpResponse<String> r = http.post("/digit/cnn/", "application/json", dataUrl);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(Integer.toString(expected[i]), r.body(), "digit " + (OFFSET + i));
      batch.append(i == 0 ? "\"" : ",\"").append(dataUrl).append('"');
    }
    HttpResponse<String> r = http.post("/api/v1/predict/batch", "application/json", batch.append("]}").toString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(DIGITS, count(r.body(), "\"model\":\"cnn\""), r.body());
    for (int i = 0; i < DIGITS; i++) {
      assertEquals(expected[i], digitAt(r.body(), i), "batch answer " + i);
    }
    // Only ND4J allocates through JavaCPP: memory there shows the answers came from DL4J, not the Java engine.
    assertTrue(offHeapBytes(http.get("/metrics").body()) > 0, "no ND4J memory: the CNN did not run on DL4J");
  }

  /** The digit of the i-th answer in a batch response. */
  private static int digitAt(String body, int i) {
    int at = -1;
    for (int k = 0; k <= i; k++) {
      at = body.indexOf("\"digit\":", at + 1);
    }
    return body.charAt(at + "\"digit\":".length()) - '0';
  }

  private static double offHeapBytes(String metrics) {
    return metrics.lines().filter(line -> line.startsWith("javacpp_bytes_bytes"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
  }

  private static int count(String body, String part) {
    int n = 0;
    for (int at = body.indexOf(part); at >= 0; at = body.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
