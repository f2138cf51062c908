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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * All 10,000 test images as MNIST stores them (28x28 grey PNGs, white on black), 64 to a batch:
   * each model's served accuracy is its card's, within 0.05 points, its confidence is calibrated
   * (expected calibration error at most 1.5 %), and the answers at or above its card's
   * low-confidence threshold are at least 99.9 % right.
   */
  @Test
  void servedAccuracyOnTheStoredTestSetIsTheCards() throws Exception {
    MnistDataset test = MnistFixture.test();
    String[] pngs = new String[test.size()];
    for (int i = 0; i < pngs.length; i++) {
      pngs[i] = CanvasRenderer.dataUrl(CanvasRenderer.png(stored(test.images()[i])));
    }
    for (String model : List.of("ann", "cnn", "ensemble")) {
      JsonObject card = Cards.card(model);
      double threshold =
          card.getJsonObject("calibration").getJsonNumber("lowConfidenceBelow").doubleValue();
      int right = 0;
      int above = 0;
      int rightAbove = 0;
      double[] binConfidence = new double[15];
      int[] binRight = new int[15];
      for (int from = 0; from < pngs.length; from += 64) {
        StringBuilder body = new StringBuilder("{\"images\":[");
        for (int i = from; i < Math.min(pngs.length, from + 64); i++) {
          body.append(i == from ? "\"" : ",\"").append(pngs[i]).append('"');
        }
        HttpResponse<String> r =
            http.post(
                "/api/v1/predict/batch?model=" + model,
                "application/json",
                body.append("]}").toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonArray answers = (JsonArray) Http.json(r);
        for (int k = 0; k < answers.size(); k++) {
          JsonObject answer = answers.getJsonObject(k);
          boolean ok = answer.getInt("digit") == test.labels()[from + k];
          double confidence = answer.getJsonNumber("confidence").doubleValue();
          int bin = Math.min(14, (int) (confidence * 15));
          right += ok ? 1 : 0;
          binConfidence[bin] += confidence;
          binRight[bin] += ok ? 1 : 0;
          if (confidence >= threshold) {
            above++;
            rightAbove += ok ? 1 : 0;
          }
        }
      }
      double served = right / (double) test.size();
      double stated = card.getJsonNumber("testAccuracy").doubleValue();
      assertEquals(stated, served, 0.0005, model + ": served " + served + ", card " + stated);
      // Expected calibration error of the confidence clients get: at most 1.5 %.
      double gap = 0;
      for (int b = 0; b < 15; b++) {
        gap += Math.abs(binConfidence[b] - binRight[b]);
      }
      double ece = gap / test.size();
      assertTrue(ece <= 0.015, model + ": expected calibration error " + ece);
      assertTrue(
          rightAbove >= 0.999 * above,
          model + ": " + rightAbove + " of " + above + " right at or above " + threshold);
    }
  }

  /** The image as the MNIST files store it: grey levels, white ink on black. */
  private static BufferedImage stored(float[] mnist) {
    BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < mnist.length; i++) {
      img.getRaster()
          .setSample(i % 28, i / 28, 0, Math.round(mnist[i] * 255)); // no colour conversion
    }
    return img;
  }

  @Test
  void accuracyOverHttpMatchesTheModelsOwn() {
    MnistDataset test = MnistFixture.test();
    Path models = Path.of("models");
    Map<String, DigitClassifier> routes =
        Map.of(
            "/digit/",
            ModelFiles.ann(models),
            "/digit/cnn/",
            ModelFiles.cnnForwardPass(ModelFiles.directory(models))); // the served engine
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
