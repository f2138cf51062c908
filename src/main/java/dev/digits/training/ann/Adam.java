package dev.digits.training.ann;

import dev.digits.model.ann.AnnWeights;

/** The Adam optimiser (Kingma and Ba, 2015) over the four parameter arrays of a network. */
final class Adam {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final float[][] m;
  private final float[][] v;
  private int step;

  Adam(AnnWeights shape) {
    float[][] arrays = shape.arrays();
    m = new float[arrays.length][];
    v = new float[arrays.length][];
    for (int a = 0; a < arrays.length; a++) {
      m[a] = new float[arrays[a].length];
      v[a] = new float[arrays[a].length];
    }
  }

  /**
   * Moves {@code params} against {@code grad}, which holds sums over {@code batchSize} examples.
   */
  void step(AnnWeights params, AnnWeights grad, int batchSize, float learningRate) {
    step++;
    float scale = 1f / batchSize;
    // Bias correction folded into the step size, as in the paper's section 2.
    float lr =
        (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
    float[][] p = params.arrays();
    float[][] g = grad.arrays();
    for (int a = 0; a < p.length; a++) {
      update(p[a], g[a], m[a], v[a], scale, lr);
    }
  }

  private static void update(float[] p, float[] g, float[] m, float[] v, float scale, float lr) {
    for (int i = 0; i < p.length; i++) {
      float gi = g[i] * scale;
      m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
      v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
      p[i] -= lr * m[i] / ((float) Math.sqrt(v[i]) + EPSILON);
    }
  }
}
