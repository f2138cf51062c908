package dev.digits.training.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.Augmenter;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenForms;
import dev.digits.model.cnn.CnnArchitecture;
import dev.digits.model.cnn.CnnClassifier;
import dev.digits.training.Evaluation;
import dev.digits.training.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnTrainerTest {
  @TempDir Path dir;

  @Test
  void oneEpochOnThreeThousandDigitsLearnsAndSurvivesASaveLoadRoundTrip() throws Exception {
    Path checkpoint = dir.resolve("cnn-checkpoint.zip");
    Examples plain = new Examples(Augmenter.Settings.NONE, WrittenForms.Settings.NONE);
    var config =
        new CnnTrainer.Config(
            CnnArchitecture.Shape.SHALLOW, 1, 0, 64, 2e-3, 1, 5, plain, plain, checkpoint);
    CnnClassifier cnn =
        new CnnTrainer(config)
            .train(
                MnistFixture.training().head(3_000),
                new CnnTrainer.Listener() {
                  @Override
                  public void batchDone(int epoch, int batch, int batches, double loss) {}

                  @Override
                  public void epochDone(int epoch, double meanLoss, CnnClassifier snapshot) {}
                });
    double accuracy = Evaluation.of(cnn, MnistFixture.test().head(2_000)).accuracy();
    assertTrue(accuracy > 0.85, "accuracy " + accuracy);
    assertTrue(Files.isRegularFile(checkpoint), "a checkpoint is written after the epoch");

    Path saved = dir.resolve("cnn.zip");
    cnn.network().save(saved.toFile(), false);
    CnnClassifier loaded = CnnClassifier.load(saved);
    float[][] batch = new float[32][];
    System.arraycopy(MnistFixture.test().images(), 0, batch, 0, batch.length);
    float[][] before = cnn.probabilities(batch);
    float[][] after = loaded.probabilities(batch);
    for (int i = 0; i < batch.length; i++) {
      assertArrayEquals(before[i], after[i], "image " + i);
    }
  }
}
