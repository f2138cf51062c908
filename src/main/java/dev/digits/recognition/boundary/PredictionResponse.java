package dev.digits.recognition.boundary;

import static dev.digits.model.DigitClassifier.SIDE;

import dev.digits.image.GreyPng;
import dev.digits.recognition.entity.Recognition;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Base64;

/** The JSON API's answer for one image; {@code input} is the 28x28 picture the model read. */
@JsonbPropertyOrder({"digit", "confidence", "probabilities", "model", "input"})
public record PredictionResponse(
    int digit, float confidence, float[] probabilities, String model, String input) {

  static PredictionResponse of(Recognition r) {
    return new PredictionResponse(
        r.prediction().digit(),
        round(r.prediction().confidence()),
        rounded(r.prediction().probabilities()),
        r.model(),
        inputDataUrl(r.input()));
  }

  static float[] rounded(float[] p) {
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = round(p[i]);
    }
    return out;
  }

  /** Six decimals: more than any client needs, and JSON stays short. */
  static float round(float v) {
    return Math.round(v * 1e6f) / 1e6f;
  }

  static String inputDataUrl(float[] input) {
    byte[] grey = new byte[input.length];
    for (int i = 0; i < input.length; i++) {
      grey[i] = (byte) Math.round(Math.max(0f, Math.min(1f, input[i])) * 255);
    }
    return "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(GreyPng.encode(grey, SIDE, SIDE));
  }
}
