package dev.digits.model;

/**
 * A classifier whose probabilities are softened (temperature above 1) or sharpened (below 1) so
 * that its confidence is a calibrated probability: p_k^(1/T), renormalised, which is softmax of the
 * logits divided by T. The ranking of the digits, and so every answer, stays the same.
 */
public final class TemperatureScaled implements DigitClassifier {
  private final DigitClassifier model;
  private final double inverse;

  public TemperatureScaled(DigitClassifier model, double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }
    this.model = model;
    this.inverse = 1 / temperature;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public long parameterCount() {
    return model.parameterCount();
  }

  @Override
  public float[] probabilities(float[] image) {
    return scale(model.probabilities(image), inverse);
  }

  @Override
  public float[][] probabilities(float[][] images) {
    float[][] p = model.probabilities(images);
    for (int i = 0; i < p.length; i++) {
      p[i] = scale(p[i], inverse);
    }
    return p;
  }

  /** p^(1/T) renormalised, in logs so that tiny probabilities neither vanish nor overflow. */
  public static float[] scale(float[] p, double inverseTemperature) {
    double[] logs = new double[p.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < p.length; k++) {
      logs[k] = Math.log(Math.max(p[k], 1e-30)) * inverseTemperature;
      max = Math.max(max, logs[k]);
    }
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      logs[k] = Math.exp(logs[k] - max);
      sum += logs[k];
    }
    float[] out = new float[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = (float) (logs[k] / sum);
    }
    return out;
  }
}
