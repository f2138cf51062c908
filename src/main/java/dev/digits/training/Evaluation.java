package dev.digits.training;

import dev.digits.mnist.MnistDataset;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;

/**
 * Accuracy and the 10x10 confusion matrix (rows: true digit, columns: predicted) of a classifier.
 */
public record Evaluation(int[][] confusion) {
  private static final int BATCH = 500;

  public static Evaluation of(DigitClassifier classifier, MnistDataset data) {
    int[][] confusion = new int[10][10];
    for (int start = 0; start < data.size(); start += BATCH) {
      int end = Math.min(data.size(), start + BATCH);
      float[][] batch = new float[end - start][];
      System.arraycopy(data.images(), start, batch, 0, batch.length);
      float[][] p = classifier.probabilities(batch);
      for (int i = 0; i < batch.length; i++) {
        confusion[data.labels()[start + i]][Prediction.argmax(p[i])]++;
      }
    }
    return new Evaluation(confusion);
  }

  public int total() {
    int n = 0;
    for (int[] row : confusion) {
      for (int c : row) {
        n += c;
      }
    }
    return n;
  }

  public int correct() {
    int n = 0;
    for (int d = 0; d < 10; d++) {
      n += confusion[d][d];
    }
    return n;
  }

  public double accuracy() {
    return (double) correct() / total();
  }

  public double[] perClassAccuracy() {
    double[] acc = new double[10];
    for (int d = 0; d < 10; d++) {
      int row = 0;
      for (int c : confusion[d]) {
        row += c;
      }
      acc[d] = row == 0 ? 0 : (double) confusion[d][d] / row;
    }
    return acc;
  }

  /** A printable report: accuracy, per-digit accuracy and the confusion matrix. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("accuracy %.2f %% (%d of %d)%n", 100 * accuracy(), correct(), total()));
    sb.append("true\\pred");
    for (int c = 0; c < 10; c++) {
      sb.append(String.format("%6d", c));
    }
    sb.append("   accuracy\n");
    double[] per = perClassAccuracy();
    for (int d = 0; d < 10; d++) {
      sb.append(String.format("%9d", d));
      for (int c = 0; c < 10; c++) {
        sb.append(String.format("%6d", confusion[d][c]));
      }
      sb.append(String.format("   %6.2f %%%n", 100 * per[d]));
    }
    return sb.toString();
  }
}
