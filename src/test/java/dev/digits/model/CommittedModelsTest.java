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
  private static List<DigitClassifier> committee;
  private static DigitClassifier ensemble;

  @BeforeAll
  static void load() {
    ann = ModelFiles.ann(MODELS);
    committee =
        ModelFiles.CNN_COMMITTEE.stream()
            .map(file -> (DigitClassifier) ModelFiles.cnn(ModelFiles.directory(MODELS), file))
            .toList();
    cnn = committee.get(0);
    ensemble = EnsembleClassifier.of(committee);
  }

  @Test
  void annReachesItsTarget() {
    double accuracy = Evaluation.of(ann, MnistFixture.test()).accuracy();
    assertTrue(accuracy >= 0.985, "ANN accuracy " + accuracy);
  }

  /**
   * The CNN the route serves reaches the CNN's target; another member may trade a few MNIST digits
   * for other writing (the third reads the European forms), but not many.
   */
  @Test
  void everyCnnOfTheCommitteeReachesTheCnnTarget() {
    for (int i = 0; i < committee.size(); i++) {
      double accuracy = Evaluation.of(committee.get(i), MnistFixture.test()).accuracy();
      double target = i == 0 ? 0.995 : 0.994;
      assertTrue(accuracy >= target, ModelFiles.CNN_COMMITTEE.get(i) + " accuracy " + accuracy);
    }
  }

  /** The committee reads more digits than any of its members alone. */
  @Test
  void ensembleBeatsEveryMember() {
    double accuracy = Evaluation.of(ensemble, MnistFixture.test()).accuracy();
    for (int i = 0; i < committee.size(); i++) {
      double member = Evaluation.of(committee.get(i), MnistFixture.test()).accuracy();
      assertTrue(accuracy > member, "ensemble " + accuracy + ", member " + i + " " + member);
    }
  }

  @Test
  void probabilitiesSumToOne() {
    for (DigitClassifier c : List.of(ann, cnn, ensemble)) {
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
