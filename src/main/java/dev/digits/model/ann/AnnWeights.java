package dev.digits.model.ann;

import java.util.Random;

/**
 * The parameters of a one-hidden-layer network. {@code w1} is input-major ({@code w1[i * hidden +
 * j]} joins input i to hidden unit j) so the forward pass skips blank pixels and runs the inner
 * loop over contiguous memory; {@code w2} likewise ({@code w2[j * outputs + k]}).
 */
public record AnnWeights(
    int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2) {
  public AnnWeights {
    if (inputs <= 0 || hidden <= 0 || outputs <= 0) {
      throw new IllegalArgumentException("layer sizes must be positive");
    }
    check("w1", w1, inputs * hidden);
    check("b1", b1, hidden);
    check("w2", w2, hidden * outputs);
    check("b2", b2, outputs);
  }

  /** Zero weights, as a gradient accumulator. */
  public static AnnWeights zeros(int inputs, int hidden, int outputs) {
    return new AnnWeights(
        inputs,
        hidden,
        outputs,
        new float[inputs * hidden],
        new float[hidden],
        new float[hidden * outputs],
        new float[outputs]);
  }

  /** He initialisation (normal, variance 2/fan-in), suited to ReLU; biases start at zero. */
  public static AnnWeights initial(int inputs, int hidden, int outputs, Random random) {
    AnnWeights w = zeros(inputs, hidden, outputs);
    fillGaussian(w.w1, Math.sqrt(2.0 / inputs), random);
    fillGaussian(w.w2, Math.sqrt(2.0 / hidden), random);
    return w;
  }

  public AnnWeights copy() {
    return new AnnWeights(inputs, hidden, outputs, w1.clone(), b1.clone(), w2.clone(), b2.clone());
  }

  public int parameterCount() {
    return w1.length + b1.length + w2.length + b2.length;
  }

  /** The four arrays in a fixed order, for code that treats all parameters alike. */
  public float[][] arrays() {
    return new float[][] {w1, b1, w2, b2};
  }

  private static void fillGaussian(float[] a, double std, Random random) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (random.nextGaussian() * std);
    }
  }

  private static void check(String name, float[] a, int expected) {
    if (a.length != expected) {
      throw new IllegalArgumentException(
          name + " has " + a.length + " values, expected " + expected);
    }
  }
}
