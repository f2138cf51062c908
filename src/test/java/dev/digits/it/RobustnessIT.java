package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.benchmark.Robustness;
import dev.digits.image.EncodedImage;
import dev.digits.image.Preprocessor;
import dev.digits.image.RejectedImageException;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenDigits;
import dev.digits.mnist.WrittenDigits.Condition;
import dev.digits.mnist.WrittenDigits.Sample;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The robustness set over HTTP: the cards' {@code robustness} figures are measured in process,
 * through the server's own decoding and framing; here every fifth picture of every condition goes
 * to the server, and each model's answer over HTTP must be the one in process, picture for picture.
 * So the cards' figures are what a client gets.
 */
class RobustnessIT extends DeployedApp {
  private static final int EVERY = 5;

  @Test
  void servedAnswersOnTheRobustnessSetAreTheCardsOwn() throws Exception {
    Map<String, DigitClassifier> models = ModelFiles.byName(Path.of("models"));
    WrittenDigits set = new WrittenDigits(MnistFixture.test());
    int pictures = 0;
    for (Condition condition : Condition.values()) {
      int[] digits = Robustness.digits(set, condition);
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < digits.length; i += EVERY) {
        samples.add(set.sample(condition, digits[i]));
      }
      pictures += samples.size();
      for (var model : models.entrySet()) {
        List<Integer> local = new ArrayList<>();
        for (Sample s : samples) {
          local.add(inProcess(model.getValue(), s));
        }
        List<Integer> served = overHttp(model.getKey(), samples);
        assertEquals(local, served, model.getKey() + " on " + condition);
        String key = condition.name().toLowerCase(Locale.ROOT);
        assertTrue(
            Cards.card(model.getKey())
                .getJsonObject("robustness")
                .getJsonObject("accuracy")
                .containsKey(key),
            model.getKey() + "'s card has no robustness figure for " + key);
      }
    }
    System.out.printf(Locale.ROOT, "robustness set: %d pictures, each model alike%n", pictures);
  }

  /** The digit, or -1 where the server refuses the picture. */
  private static int inProcess(DigitClassifier model, Sample s) {
    try {
      return Prediction.argmax(
          model.probabilities(Preprocessor.toMnist(EncodedImage.of(s.bytes()))));
    } catch (RejectedImageException e) {
      return -1;
    }
  }

  /** The batch route, 64 at a time; a refused batch is asked again one by one. */
  private List<Integer> overHttp(String model, List<Sample> samples) {
    List<Integer> out = new ArrayList<>();
    for (int from = 0; from < samples.size(); from += 64) {
      List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + 64));
      List<Integer> answers = batch(model, batch);
      if (answers == null) {
        answers = new ArrayList<>();
        for (Sample s : batch) {
          List<Integer> one = batch(model, List.of(s));
          answers.add(one == null ? -1 : one.get(0));
        }
      }
      out.addAll(answers);
    }
    return out;
  }

  private List<Integer> batch(String model, List<Sample> batch) {
    StringBuilder body = new StringBuilder("{\"images\":[");
    for (int i = 0; i < batch.size(); i++) {
      Sample s = batch.get(i);
      body.append(i == 0 ? "\"" : ",\"")
          .append("data:")
          .append(s.contentType())
          .append(";base64,")
          .append(Base64.getEncoder().encodeToString(s.bytes()))
          .append('"');
    }
    HttpResponse<String> r =
        http.post(
            "/api/v1/predict/batch?model=" + model,
            "application/json",
            body.append("]}").toString());
    if (r.statusCode() == 422) {
      return null;
    }
    assertEquals(200, r.statusCode(), r.body());
    List<Integer> digits = new ArrayList<>();
    for (var answer : (JsonArray) Http.json(r)) {
      digits.add(answer.asJsonObject().getInt("digit"));
    }
    return digits;
  }
}
