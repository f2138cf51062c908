package dev.digits.training.ann;

import dev.digits.mnist.Augmenter;
import dev.digits.mnist.EpochOrder;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.WrittenForms;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;
import dev.digits.model.ann.AnnNetwork;
import dev.digits.model.ann.AnnWeights;
import dev.digits.training.Examples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the from-scratch network with mini-batch Adam. Each batch is split across threads that
 * accumulate gradients into their own buffers; the sums are then added in a fixed order, so a run
 * is reproducible for a given seed and thread count.
 */
public final class AnnTrainer implements AutoCloseable {

  /**
   * Hyperparameters; see TrainAnn for the values used and why. The last {@code cleanEpochs} of the
   * {@code epochs} learn from the digits undistorted.
   */
  public record Config(
      int hidden,
      int epochs,
      int cleanEpochs,
      int batchSize,
      float learningRate,
      float decayPerEpoch,
      long seed,
      Augmenter.Settings augmentation,
      WrittenForms.Settings forms) {}

  /** Told after each epoch. */
  public interface Listener {
    void epochDone(int epoch, double meanLoss, double trainAccuracy, AnnNetwork network);
  }

  private final Config config;
  private final int threads;
  private final ExecutorService pool;

  public AnnTrainer(Config config, int threads) {
    this.config = config;
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  public AnnNetwork train(MnistDataset data, Listener listener) {
    Random random = new Random(config.seed());
    AnnWeights weights =
        AnnWeights.initial(
            DigitClassifier.PIXELS, config.hidden(), DigitClassifier.CLASSES, random);
    Adam adam = new Adam(weights);
    List<Worker> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(new Worker(weights));
    }
    Examples distorted = new Examples(config.augmentation(), config.forms());
    Examples clean = new Examples(Augmenter.Settings.NONE, config.forms());
    AnnWeights total = AnnWeights.zeros(weights.inputs(), weights.hidden(), weights.outputs());
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      int[] order = EpochOrder.shuffled(data.size(), config.seed(), epoch);
      float lr = (float) (config.learningRate() * Math.pow(config.decayPerEpoch(), epoch - 1));
      double loss = 0;
      int correct = 0;
      for (int start = 0; start < order.length; start += config.batchSize()) {
        int end = Math.min(order.length, start + config.batchSize());
        Examples examples = epoch > config.epochs() - config.cleanEpochs() ? clean : distorted;
        runBatch(workers, examples, data, order, start, end, epoch);
        clear(total);
        for (Worker w : workers) {
          add(total, w.grad);
          loss += w.loss;
          correct += w.correct;
        }
        adam.step(weights, total, end - start, lr);
      }
      listener.epochDone(
          epoch, loss / order.length, (double) correct / order.length, new AnnNetwork(weights));
    }
    return new AnnNetwork(weights);
  }

  private void runBatch(
      List<Worker> workers,
      Examples examples,
      MnistDataset data,
      int[] order,
      int start,
      int end,
      int epoch) {
    int n = end - start;
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < workers.size(); t++) {
      int from = start + n * t / workers.size();
      int to = start + n * (t + 1) / workers.size();
      Worker w = workers.get(t);
      futures.add(pool.submit(() -> w.run(examples, data, order, from, to, config.seed(), epoch)));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a training thread failed", e.getCause());
    }
  }

  /** One thread's share of a batch: its own gradient sums and scratch arrays. */
  private static final class Worker {
    final AnnWeights weights;
    final AnnWeights grad;
    final float[] hidden;
    final float[] out;
    final float[] dHidden;
    double loss;
    int correct;

    Worker(AnnWeights weights) {
      this.weights = weights;
      this.grad = AnnWeights.zeros(weights.inputs(), weights.hidden(), weights.outputs());
      this.hidden = new float[weights.hidden()];
      this.out = new float[weights.outputs()];
      this.dHidden = new float[weights.hidden()];
    }

    void run(
        Examples examples, MnistDataset data, int[] order, int from, int to, long seed, int epoch) {
      clear(grad);
      loss = 0;
      correct = 0;
      for (int i = from; i < to; i++) {
        int idx = order[i];
        int label = data.labels()[idx];
        float[] x = examples.of(data.images()[idx], label, EpochOrder.forExample(seed, epoch, idx));
        loss += Backprop.accumulate(weights, x, label, grad, hidden, out, dHidden);
        out[label] += 1f; // accumulate() turned out into p - onehot; restore p for the argmax
        if (Prediction.argmax(out) == label) {
          correct++;
        }
      }
    }
  }

  private static void clear(AnnWeights w) {
    for (float[] a : w.arrays()) {
      Arrays.fill(a, 0f);
    }
  }

  private static void add(AnnWeights into, AnnWeights from) {
    float[][] a = into.arrays();
    float[][] b = from.arrays();
    for (int k = 0; k < a.length; k++) {
      for (int i = 0; i < a[k].length; i++) {
        a[k][i] += b[k][i];
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
