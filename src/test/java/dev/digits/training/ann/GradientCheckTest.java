package dev.digits.training.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.ann.AnnForwardPass;
import dev.digits.model.ann.AnnWeights;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compares backpropagation with central finite differences on a tiny network, in double-checked
 * float.
 */
class GradientCheckTest {
  private static final int INPUTS = 6;
  private static final int HIDDEN = 5;
  private static final int OUTPUTS = 4;

  @Test
  void backpropagationMatchesNumericalGradient() {
    Random random = new Random(7);
    AnnWeights w = AnnWeights.initial(INPUTS, HIDDEN, OUTPUTS, random);
    for (int j = 0; j < HIDDEN; j++) {
      w.b1()[j] = 0.1f; // keeps every ReLU away from its kink, where the derivative is undefined
    }
    float[] x = {0.2f, 0f, 0.9f, 0.5f, 1f, 0.3f};
    int label = 2;
    AnnWeights grad = AnnWeights.zeros(INPUTS, HIDDEN, OUTPUTS);
    Backprop.accumulate(
        w, x, label, grad, new float[HIDDEN], new float[OUTPUTS], new float[HIDDEN]);

    float[][] params = w.arrays();
    float[][] analytic = grad.arrays();
    int checked = 0;
    for (int a = 0; a < params.length; a++) {
      for (int i = 0; i < params[a].length; i++) {
        float saved = params[a][i];
        float eps = 1e-2f;
        params[a][i] = saved + eps;
        double plus = loss(w, x, label);
        params[a][i] = saved - eps;
        double minus = loss(w, x, label);
        params[a][i] = saved;
        double numeric = (plus - minus) / (2 * eps);
        assertEquals(
            numeric, analytic[a][i], 2e-3 + 1e-2 * Math.abs(numeric), "parameter " + a + "/" + i);
        checked++;
      }
    }
    assertEquals(w.parameterCount(), checked);
  }

  @Test
  void aGradientStepLowersTheLoss() {
    AnnWeights w = AnnWeights.initial(INPUTS, HIDDEN, OUTPUTS, new Random(3));
    float[] x = {1f, 0.5f, 0f, 0.25f, 0.75f, 0.1f};
    double before = loss(w, x, 1);
    AnnWeights grad = AnnWeights.zeros(INPUTS, HIDDEN, OUTPUTS);
    Backprop.accumulate(w, x, 1, grad, new float[HIDDEN], new float[OUTPUTS], new float[HIDDEN]);
    float[][] p = w.arrays();
    float[][] g = grad.arrays();
    for (int a = 0; a < p.length; a++) {
      for (int i = 0; i < p[a].length; i++) {
        p[a][i] -= 0.1f * g[a][i];
      }
    }
    assertTrue(loss(w, x, 1) < before, "one step against the gradient lowers the loss");
  }

  private static double loss(AnnWeights w, float[] x, int label) {
    float[] out = new float[OUTPUTS];
    AnnForwardPass.forward(w, x, new float[HIDDEN], out);
    return -Math.log(out[label]);
  }
}
