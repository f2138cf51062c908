package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.training.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The models committed under models/ on all 10,000 MNIST test digits. */
class CommittedModelsTest {
  private static final Path MODELS = Path.of("models");
  private static DigitClassifier ann;
  private static DigitClassifier cnn;

  @BeforeAll
  static void load() {
    ann = ModelFiles.ann(MODELS);
    cnn = ModelFiles.cnn(MODELS);
  }

  @Test
  void annReachesItsTarget() {
    double accuracy = Evaluation.of(ann, MnistFixture.test()).accuracy();
    assertTrue(accuracy >= 0.985, "ANN accuracy " + accuracy);
  }

  @Test
  void cnnReachesItsTarget() {
    double accuracy = Evaluation.of(cnn, MnistFixture.test()).accuracy();
    assertTrue(accuracy >= 0.995, "CNN accuracy " + accuracy);
  }

  /**
   * The ensemble averages the CNN with a weaker ANN: its floor catches a broken combination (a
   * model's classes out of order, one model's probabilities unnormalised) while leaving room for an
   * ANN that trades a few MNIST digits for other writing (the European forms' 1 and 9).
   */
  @Test
  void ensembleIsNearlyAsGoodAsTheCnnTarget() {
    double accuracy =
        Evaluation.of(new EnsembleClassifier(List.of(ann, cnn)), MnistFixture.test()).accuracy();
    assertTrue(accuracy >= 0.994, "ensemble accuracy " + accuracy);
  }

  @Test
  void probabilitiesSumToOne() {
    for (DigitClassifier c : List.of(ann, cnn, new EnsembleClassifier(List.of(ann, cnn)))) {
      float[][] p = c.probabilities(slice(0, 50));
      for (float[] row : p) {
        double sum = 0;
        for (float v : row) {
          sum += v;
        }
        assertTrue(Math.abs(sum - 1) < 1e-4, c.name() + " sums to " + sum);
      }
    }
  }

  @Test
  void manyThreadsGetTheSameAnswersAsOne() throws Exception {
    for (DigitClassifier c : List.of(ann, cnn)) {
      float[][] images = slice(0, 400);
      float[][] expected = new float[images.length][];
      for (int i = 0; i < images.length; i++) {
        expected[i] = c.probabilities(images[i]);
      }
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<float[]>> futures = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
          for (float[] img : images) {
            futures.add(pool.submit(() -> c.probabilities(img)));
          }
        }
        for (int i = 0; i < futures.size(); i++) {
          assertArrayEquals(
              expected[i % images.length], futures.get(i).get(), c.name() + " image " + i);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static float[][] slice(int from, int to) {
    MnistDataset test = MnistFixture.test();
    float[][] out = new float[to - from][];
    System.arraycopy(test.images(), from, out, 0, out.length);
    return out;
  }
}
