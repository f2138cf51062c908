package dev.digits.it;

import dev.digits.model.DigitClassifier;
import dev.digits.model.TemperatureScaled;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed model cards, as the tests read them. */
final class Cards {
  private Cards() {}

  static JsonObject card(String model) {
    try (JsonReader reader =
        Json.createReader(Files.newBufferedReader(Path.of("models", model + ".json")))) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model as the server serves it: with its card's temperature. */
  static DigitClassifier calibrated(DigitClassifier model, String name) {
    double t = card(name).getJsonObject("calibration").getJsonNumber("temperature").doubleValue();
    return new TemperatureScaled(model, t);
  }
}
