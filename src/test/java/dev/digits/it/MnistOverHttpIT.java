package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real MNIST test digits, drawn as the old app's canvas sent them (280x280, black on white, PNG
 * data URL), classified over HTTP: the accuracy must stay at the model's own level on the raw
 * digits.
 */
class MnistOverHttpIT extends DeployedApp {
  private static final int DIGITS = 300;
  private static final int OFFSET = 1000; // away from the digits other tests use

  @Test
  void accuracyOverHttpMatchesTheModelsOwn() {
    MnistDataset test = MnistFixture.test();
    Path models = Path.of("models");
    Map<String, DigitClassifier> routes =
        Map.of("/digit/", ModelFiles.ann(models), "/digit/cnn/", ModelFiles.cnn(models));
    for (var route : routes.entrySet()) {
      int overHttp = 0;
      int inProcess = 0;
      for (int i = OFFSET; i < OFFSET + DIGITS; i++) {
        String dataUrl =
            CanvasRenderer.dataUrl(
                CanvasRenderer.png(CanvasRenderer.render(test.images()[i], Style.oldCanvas())));
        HttpResponse<String> r = http.post(route.getKey(), "application/json", dataUrl);
        assertEquals(200, r.statusCode(), r.body());
        overHttp += Integer.parseInt(r.body()) == test.labels()[i] ? 1 : 0;
        inProcess +=
            Prediction.argmax(route.getValue().probabilities(test.images()[i])) == test.labels()[i]
                ? 1
                : 0;
      }
      assertTrue(
          overHttp >= inProcess - DIGITS / 100,
          route.getKey()
              + ": "
              + overHttp
              + " right over HTTP, "
              + inProcess
              + " in process, of "
              + DIGITS);
    }
  }
}
