package dev.digits.recognition.boundary;

import dev.digits.recognition.entity.NumberRecognition;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The answer for a number read from one picture: the digits left to right as text (leading zeros
 * kept), the confidence of the whole reading, and each digit.
 */
@JsonbPropertyOrder({"number", "confidence", "model", "digits"})
public record NumberResponse(
    String number, double confidence, String model, List<DigitResponse> digits) {

  static NumberResponse of(NumberRecognition r) {
    return new NumberResponse(
        r.reading().text(),
        Math.round(r.reading().confidence() * 1e6) / 1e6,
        r.model(),
        r.reading().digits().stream().map(DigitResponse::of).toList());
  }
}
