package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.DigitClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tuning the serving path must not change an answer: every MNIST test digit, drawn on a canvas in
 * three ways and sent through decode and preprocessing, gets from each model the digit recorded in
 * {@link GoldenPredictions#FILE} before the tuning.
 */
class GoldenPredictionsTest {
  @Test
  void everyTestDigitGetsTheRecordedAnswer() throws IOException {
    Map<String, String> golden = new HashMap<>();
    for (String line : Files.readAllLines(GoldenPredictions.FILE)) {
      String[] f = line.split(" ");
      golden.put(f[0] + " " + f[1], f[2]);
    }
    List<DigitClassifier> models = GoldenPredictions.models();
    GoldenPredictions.STYLES.forEach(
        (name, style) -> {
          GoldenPredictions.Answers now = GoldenPredictions.answer(style, models);
          now.digits()
              .forEach(
                  (model, digits) -> {
                    String expected = golden.get(name + " " + model);
                    assertTrue(expected != null, "no recorded answers for " + name + " " + model);
                    assertEquals(expected.length(), digits.length());
                    int changed = 0;
                    for (int i = 0; i < digits.length(); i++) {
                      changed += digits.charAt(i) == expected.charAt(i) ? 0 : 1;
                    }
                    assertEquals(
                        0,
                        changed,
                        model
                            + " changed its answer on "
                            + changed
                            + " digits drawn as "
                            + name
                            + " (inputs "
                            + (now.inputDigest().equals(golden.get(name + " inputs"))
                                ? "identical"
                                : "changed")
                            + ")");
                  });
        });
  }
}
