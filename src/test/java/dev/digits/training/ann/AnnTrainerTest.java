package dev.digits.training.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.Augmenter;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenForms;
import dev.digits.model.ann.AnnNetwork;
import dev.digits.training.Evaluation;
import org.junit.jupiter.api.Test;

class AnnTrainerTest {
  private static final AnnTrainer.Config SHORT =
      new AnnTrainer.Config(
          64, 1, 0, 32, 2e-3f, 1f, 9, Augmenter.Settings.NONE, WrittenForms.Settings.NONE);

  @Test
  void oneEpochOnFiveThousandDigitsLearns() {
    MnistDataset slice = MnistFixture.training().head(5_000);
    AnnNetwork net;
    try (AnnTrainer trainer = new AnnTrainer(SHORT, 2)) {
      net = trainer.train(slice, (epoch, loss, acc, snapshot) -> {});
    }
    double accuracy = Evaluation.of(net, MnistFixture.test()).accuracy();
    assertTrue(accuracy > 0.85, "accuracy " + accuracy);
  }

  @Test
  void sameSeedAndThreadsGiveTheSameNetwork() {
    MnistDataset slice = MnistFixture.training().head(1_000);
    AnnNetwork a;
    AnnNetwork b;
    try (AnnTrainer trainer = new AnnTrainer(SHORT, 2)) {
      a = trainer.train(slice, (epoch, loss, acc, snapshot) -> {});
      b = trainer.train(slice, (epoch, loss, acc, snapshot) -> {});
    }
    float[] img = MnistFixture.test().images()[0];
    assertArrayEquals(a.probabilities(img), b.probabilities(img));
  }
}
