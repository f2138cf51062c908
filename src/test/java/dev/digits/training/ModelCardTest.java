package dev.digits.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {
  @TempDir Path dir;

  @Test
  void laterFieldsArePutBeforeTheCommandReplacedAndSurviveAReEvaluation() throws Exception {
    Path card = dir.resolve("m.json");
    card(0.9).write(card);
    ModelCard.putField(card, "calibration", "{\"temperature\": 1.5}");
    ModelCard.putField(card, "robustness", "{\n    \"plain\": 0.99,\n    \"tilt\": 0.98\n  }");
    ModelCard.putField(card, "calibration", "{\"temperature\": 0.9}");
    ModelCard.putField(card, "robustness", "{\n    \"plain\": 0.97\n  }");
    ModelCard.rewriteEvaluation(card, diagonal(19, 1)); // 19 of 20 right

    JsonObject json = Json.createReader(new StringReader(Files.readString(card))).readObject();
    assertEquals(0.95, json.getJsonNumber("testAccuracy").doubleValue(), 1e-9);
    assertEquals(0.9, json.getJsonObject("calibration").getJsonNumber("temperature").doubleValue());
    assertEquals(Map.of("plain", Json.createValue(0.97)), json.getJsonObject("robustness"));
    assertEquals("cmd", json.getString("command"));
    String text = Files.readString(card);
    assertTrue(text.indexOf("\"robustness\"") < text.indexOf("\"command\""), text);
    assertEquals(1, text.split("\"calibration\"").length - 1, text);
  }

  private static Evaluation diagonal(int right, int wrong) {
    int[][] confusion = new int[10][10];
    confusion[0][0] = right;
    confusion[0][1] = wrong;
    return new Evaluation(confusion);
  }

  private static ModelCard card(double accuracy) {
    int[][] confusion = new int[10][10];
    double[] perClass = new double[10];
    java.util.Arrays.fill(perClass, accuracy);
    return new ModelCard(
        "m",
        "m.bin",
        "f",
        "a",
        1,
        Map.of("seed", "1"),
        1,
        1,
        "machine",
        "now",
        accuracy,
        perClass,
        confusion,
        "cmd");
  }
}
