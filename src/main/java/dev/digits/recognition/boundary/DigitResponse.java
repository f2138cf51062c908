package dev.digits.recognition.boundary;

import dev.digits.reading.Box;
import dev.digits.reading.ReadDigit;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One digit of a number read: the digit, its probabilities, where it is, and the 28x28 input the
 * model saw.
 */
@JsonbPropertyOrder({"digit", "confidence", "probabilities", "box", "input"})
public record DigitResponse(
    int digit, float confidence, float[] probabilities, Area box, String input) {

  /** Where the digit's ink is, in the pixels of the picture sent. */
  @JsonbPropertyOrder({"x", "y", "width", "height"})
  public record Area(int x, int y, int width, int height) {
    static Area of(Box b) {
      return new Area(b.x(), b.y(), b.width(), b.height());
    }
  }

  static DigitResponse of(ReadDigit d) {
    return new DigitResponse(
        d.digit(),
        PredictionResponse.round(d.prediction().confidence()),
        PredictionResponse.rounded(d.prediction().probabilities()),
        Area.of(d.box()),
        PredictionResponse.inputDataUrl(d.mnist()));
  }
}
