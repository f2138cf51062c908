package dev.digits.training;

import dev.digits.model.Prediction;
import dev.digits.model.TemperatureScaled;

/**
 * How well a model's confidence matches how often it is right, and the temperature that makes it
 * match: fitted by minimising the negative log-likelihood of the true digits.
 */
final class Calibration {
  static final int BINS = 15; // the usual choice for expected calibration error

  private Calibration() {}

  /** The temperature in [0.2, 5] that minimises the mean negative log-likelihood. */
  static double fitTemperature(float[][] probabilities, byte[] labels) {
    // NLL is convex in 1/T for softmax outputs: golden-section search on log T converges.
    double lo = Math.log(0.2);
    double hi = Math.log(5);
    double phi = (Math.sqrt(5) - 1) / 2;
    for (int step = 0; step < 60; step++) {
      double a = hi - phi * (hi - lo);
      double b = lo + phi * (hi - lo);
      if (nll(probabilities, labels, Math.exp(a)) < nll(probabilities, labels, Math.exp(b))) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  static double nll(float[][] probabilities, byte[] labels, double temperature) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      float[] p = TemperatureScaled.scale(probabilities[i], 1 / temperature);
      sum -= Math.log(Math.max(p[labels[i]], 1e-30));
    }
    return sum / probabilities.length;
  }

  static float[][] scaled(float[][] probabilities, double temperature) {
    float[][] out = new float[probabilities.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = TemperatureScaled.scale(probabilities[i], 1 / temperature);
    }
    return out;
  }

  /** Per confidence bin: how many answers, their mean confidence, and the share right. */
  record Reliability(int[] count, double[] confidence, double[] accuracy) {
    /** Expected calibration error: the count-weighted gap between confidence and accuracy. */
    double ece() {
      int n = 0;
      double gap = 0;
      for (int b = 0; b < count.length; b++) {
        n += count[b];
        gap += count[b] * Math.abs(confidence[b] - accuracy[b]);
      }
      return gap / n;
    }
  }

  static Reliability reliability(float[][] probabilities, byte[] labels) {
    int[] count = new int[BINS];
    double[] conf = new double[BINS];
    double[] right = new double[BINS];
    for (int i = 0; i < probabilities.length; i++) {
      int digit = Prediction.argmax(probabilities[i]);
      float c = probabilities[i][digit];
      int b = Math.min(BINS - 1, (int) (c * BINS));
      count[b]++;
      conf[b] += c;
      right[b] += digit == labels[i] ? 1 : 0;
    }
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        conf[b] /= count[b];
        right[b] /= count[b];
      }
    }
    return new Reliability(count, conf, right);
  }

  /**
   * The lowest confidence threshold such that the answers at or above it are at least {@code
   * target} right: answers below it are the ones to flag.
   */
  static float threshold(float[][] probabilities, byte[] labels, double target) {
    int n = probabilities.length;
    float[] conf = new float[n];
    boolean[] right = new boolean[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      int digit = Prediction.argmax(probabilities[i]);
      conf[i] = probabilities[i][digit];
      right[i] = digit == labels[i];
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(conf[b], conf[a]));
    int correct = 0;
    float best = 1f;
    for (int k = 0; k < n; k++) {
      correct += right[order[k]] ? 1 : 0;
      boolean lastOfTie = k + 1 == n || conf[order[k + 1]] < conf[order[k]];
      if (lastOfTie && correct >= target * (k + 1)) {
        best = conf[order[k]];
      }
    }
    return best;
  }

  /** Of the answers at or above the threshold: the share right, and the share below it. */
  static double[] aboveAndFlagged(float[][] probabilities, byte[] labels, float threshold) {
    int above = 0;
    int right = 0;
    for (int i = 0; i < probabilities.length; i++) {
      int digit = Prediction.argmax(probabilities[i]);
      if (probabilities[i][digit] >= threshold) {
        above++;
        right += digit == labels[i] ? 1 : 0;
      }
    }
    return new double[] {
      above == 0 ? 1 : right / (double) above, 1 - above / (double) probabilities.length
    };
  }
}
