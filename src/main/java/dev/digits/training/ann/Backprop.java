package dev.digits.training.ann;

import dev.digits.model.ann.AnnForwardPass;
import dev.digits.model.ann.AnnWeights;

/**
 * The backward pass of the ANN, ReLU(x W1 + b1) W2 + b2 -> softmax, with cross-entropy loss. All
 * scratch space is passed in, so callers on different threads share nothing mutable.
 */
final class Backprop {
  private Backprop() {}

  /**
   * Adds the gradient of the cross-entropy loss for one example to {@code grad} and returns the
   * loss. {@code hidden}, {@code out} and {@code dHidden} are scratch arrays.
   */
  static float accumulate(
      AnnWeights w,
      float[] x,
      int label,
      AnnWeights grad,
      float[] hidden,
      float[] out,
      float[] dHidden) {
    AnnForwardPass.forward(w, x, hidden, out);
    float loss = (float) -Math.log(Math.max(out[label], 1e-12f));
    out[label] -= 1f; // softmax + cross-entropy: dLoss/dLogits = p - onehot
    int h = w.hidden();
    int o = w.outputs();
    float[] w2 = w.w2();
    float[] gw2 = grad.w2();
    for (int k = 0; k < o; k++) {
      grad.b2()[k] += out[k];
    }
    for (int j = 0; j < h; j++) {
      float hj = hidden[j];
      float d = 0f;
      if (hj > 0f) { // ReLU passes gradient only where it was active
        int off = j * o;
        for (int k = 0; k < o; k++) {
          gw2[off + k] += hj * out[k];
          d += w2[off + k] * out[k];
        }
      }
      dHidden[j] = d;
    }
    float[] gb1 = grad.b1();
    for (int j = 0; j < h; j++) {
      gb1[j] += dHidden[j];
    }
    float[] gw1 = grad.w1();
    for (int i = 0; i < w.inputs(); i++) {
      float xi = x[i];
      if (xi != 0f) {
        int off = i * h;
        for (int j = 0; j < h; j++) {
          gw1[off + j] += xi * dHidden[j];
        }
      }
    }
    return loss;
  }
}
