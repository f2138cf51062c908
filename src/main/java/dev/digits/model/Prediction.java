package dev.digits.model;

/** What a classifier says of one image: the likeliest digit, its probability, and all ten. */
public record Prediction(int digit, float confidence, float[] probabilities) {
  public Prediction {
    if (probabilities.length != DigitClassifier.CLASSES) {
      throw new IllegalArgumentException("expected 10 probabilities, got " + probabilities.length);
    }
    probabilities = probabilities.clone();
  }

  public static Prediction of(float[] probabilities) {
    int best = argmax(probabilities);
    return new Prediction(best, probabilities[best], probabilities);
  }

  @Override
  public float[] probabilities() {
    return probabilities.clone();
  }

  public static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
