package dev.digits.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.Prediction;
import dev.digits.model.TemperatureScaled;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void scalingKeepsTheAnswerAndOneLeavesItAlone() {
    float[] p = {0.7f, 0.2f, 0.05f, 0.05f, 0, 0, 0, 0, 0, 0};
    assertArrayEquals(p, TemperatureScaled.scale(p, 1), 1e-6f);
    float[] soft = TemperatureScaled.scale(p, 1 / 2.0);
    assertEquals(0, Prediction.argmax(soft));
    assertTrue(soft[0] < p[0] && soft[1] > p[1], "a temperature above 1 softens");
  }

  /** Outputs made overconfident by a known temperature: the fit finds it, and ECE falls. */
  @Test
  void fitRecoversTheTemperatureThatCalibrates() {
    Random random = new Random(7);
    int n = 20_000;
    float[][] calibrated = new float[n][];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      double[] logits = new double[10];
      for (int k = 0; k < 10; k++) {
        logits[k] = random.nextGaussian() * 2;
      }
      logits[random.nextInt(10)] += 3;
      calibrated[i] = softmax(logits);
      labels[i] = (byte) sample(calibrated[i], random); // right as often as it says
    }
    float[][] overconfident = Calibration.scaled(calibrated, 1 / 2.0);
    double t = Calibration.fitTemperature(overconfident, labels);
    assertEquals(2.0, t, 0.15);
    double before = Calibration.reliability(overconfident, labels).ece();
    double after = Calibration.reliability(Calibration.scaled(overconfident, t), labels).ece();
    assertTrue(after < 0.02 && after < before / 3, "ECE " + before + " -> " + after);
  }

  @Test
  void thresholdKeepsTheAnswersAboveItRightEnough() {
    float[][] p = new float[1000][];
    byte[] labels = new byte[1000];
    for (int i = 0; i < p.length; i++) {
      p[i] = new float[10];
      p[i][0] = i / 1000f; // confidence rises with i; the lowest tenth is wrong
      labels[i] = (byte) (i < 100 ? 1 : 0);
    }
    float t = Calibration.threshold(p, labels, 0.999);
    assertEquals(0.1f, t, 1e-6f);
    double[] above = Calibration.aboveAndFlagged(p, labels, t);
    assertEquals(1.0, above[0]);
    assertEquals(0.1, above[1], 1e-9);
  }

  private static float[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    float[] out = new float[logits.length];
    for (int k = 0; k < logits.length; k++) {
      sum += Math.exp(logits[k] - max);
    }
    for (int k = 0; k < logits.length; k++) {
      out[k] = (float) (Math.exp(logits[k] - max) / sum);
    }
    return out;
  }

  private static int sample(float[] p, Random random) {
    double u = random.nextDouble();
    for (int k = 0; k < p.length; k++) {
      u -= p[k];
      if (u <= 0) {
        return k;
      }
    }
    return p.length - 1;
  }
}
