package dev.digits.recognition.control;

import dev.digits.model.ModelFiles;
import dev.digits.recognition.entity.ModelInfo;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;

/** Reads the model cards ({@code <name>.json}) that training writes beside each model. */
final class ModelCatalog {
  private ModelCatalog() {}

  static ModelInfo read(ModelFiles.Source source, String name) {
    try (InputStream in = source.open(name + ".json");
        JsonReader reader = Json.createReader(in)) {
      JsonObject card = reader.readObject();
      JsonObject calibration =
          card.get("calibration") instanceof JsonObject c ? c : Json.createObjectBuilder().build();
      return new ModelInfo(
          name,
          card.getString("architecture", ""),
          card.getJsonNumber("parameters").longValue(),
          number(card, "testAccuracy"),
          card.containsKey("epochs") ? card.getInt("epochs") : null,
          number(card, "trainingSeconds"),
          card.getString("trainedAt", null),
          number(calibration, "temperature"),
          number(calibration, "lowConfidenceBelow"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "model card "
              + source.describe(name + ".json")
              + " is missing or invalid: "
              + e.getMessage(),
          e);
    }
  }

  private static Double number(JsonObject card, String key) {
    return card.get(key) instanceof JsonNumber n ? n.doubleValue() : null;
  }
}
