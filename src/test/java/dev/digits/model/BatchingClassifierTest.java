package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.training.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BatchingClassifierTest {
  @Test
  void concurrentCallersGetExactlyTheirOwnAnswers() throws Exception {
    DigitClassifier ann =
        ModelFiles.ann(Path.of("models")); // per-image arithmetic: batching cannot change a bit
    try (BatchingClassifier batched = new BatchingClassifier(ann, 16, Thread::new)) {
      MnistDataset test = MnistFixture.test();
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<float[]>> futures = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        float[] img = test.images()[i];
        futures.add(pool.submit(() -> batched.probabilities(img)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertArrayEquals(ann.probabilities(test.images()[i]), futures.get(i).get(), "image " + i);
      }
      pool.shutdown();
    }
  }

  @Test
  void batchedCnnPredictsTheWholeTestSetAsTheCnnAlone() {
    DigitClassifier cnn = ModelFiles.cnn(Path.of("models"));
    try (BatchingClassifier batched = new BatchingClassifier(cnn, 64, Thread::new)) {
      MnistDataset test = MnistFixture.test();
      int[][] alone = Evaluation.of(cnn, test).confusion();
      int[][] viaBatcher = Evaluation.of(batched, test).confusion();
      for (int d = 0; d < 10; d++) {
        assertArrayEquals(alone[d], viaBatcher[d], "digit " + d);
      }
    }
  }

  @Test
  void aFailingModelFailsItsCallersNotTheWorker() {
    DigitClassifier broken =
        new DigitClassifier() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public long parameterCount() {
            return 0;
          }

          @Override
          public float[] probabilities(float[] image) {
            throw new IllegalStateException("boom");
          }
        };
    try (BatchingClassifier batched = new BatchingClassifier(broken, 8, Thread::new)) {
      assertEquals(
          "boom",
          assertThrows(IllegalStateException.class, () -> batched.probabilities(new float[784]))
              .getMessage());
      assertEquals(
          "boom",
          assertThrows(IllegalStateException.class, () -> batched.probabilities(new float[784]))
              .getMessage());
    }
  }
}
