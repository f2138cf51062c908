package dev.digits.reading;

import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;

/** One digit of a reading: what the model said, where the digit is, and the 28x28 input it saw. */
public record ReadDigit(Prediction prediction, Box box, float[] mnist) {
  public ReadDigit {
    DigitClassifier.checkImage(mnist);
    mnist = mnist.clone();
  }

  public int digit() {
    return prediction.digit();
  }

  @Override
  public float[] mnist() {
    return mnist.clone();
  }
}
