package dev.digits.training;

import dev.digits.mnist.Augmenter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hyperparameters both trainers record in their model cards. */
final class Hyperparameters {
  private Hyperparameters() {}

  static Map<String, String> adam(
      Number learningRate, Number decay, int batch, long seed, Augmenter.Settings augment) {
    Map<String, String> hp = new LinkedHashMap<>();
    hp.put("optimizer", "Adam");
    hp.put("learningRate", learningRate + " x " + decay + "^(epoch-1)");
    hp.put("batchSize", Integer.toString(batch));
    hp.put("seed", Long.toString(seed));
    hp.put("augmentation", augment.toString());
    return hp;
  }
}
