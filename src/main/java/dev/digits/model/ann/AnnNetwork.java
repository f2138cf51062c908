package dev.digits.model.ann;

import dev.digits.model.DigitClassifier;

/**
 * The from-scratch ANN as a classifier: one hidden ReLU layer and a softmax output, in plain Java.
 * Weights are copied in and never change, and activations live on the caller's stack, so any number
 * of threads may classify at once.
 */
public final class AnnNetwork implements DigitClassifier {
  private final AnnWeights weights;

  public AnnNetwork(AnnWeights weights) {
    if (weights.inputs() != PIXELS || weights.outputs() != CLASSES) {
      throw new IllegalArgumentException(
          "a digit network maps 784 inputs to 10 outputs, not "
              + weights.inputs()
              + " to "
              + weights.outputs());
    }
    this.weights = weights.copy();
  }

  @Override
  public String name() {
    return "ann";
  }

  @Override
  public float[] probabilities(float[] image) {
    DigitClassifier.checkImage(image);
    float[] out = new float[CLASSES];
    AnnForwardPass.forward(weights, image, new float[weights.hidden()], out);
    return out;
  }

  public int hiddenUnits() {
    return weights.hidden();
  }

  @Override
  public long parameterCount() {
    return weights.parameterCount();
  }

  /** A copy of the weights, for saving. */
  public AnnWeights weights() {
    return weights.copy();
  }
}
