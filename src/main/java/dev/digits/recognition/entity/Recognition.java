package dev.digits.recognition.entity;

import dev.digits.model.Prediction;

/** One answer: which model, what it predicted, and the 28x28 image it read. */
public record Recognition(String model, Prediction prediction, float[] input) {
  public Recognition {
    input = input.clone();
  }

  @Override
  public float[] input() {
    return input.clone();
  }
}
