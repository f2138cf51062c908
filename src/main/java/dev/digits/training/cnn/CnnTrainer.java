package dev.digits.training.cnn;

import dev.digits.mnist.EpochOrder;
import dev.digits.mnist.MnistDataset;
import dev.digits.model.DigitClassifier;
import dev.digits.model.cnn.CnnArchitecture;
import dev.digits.model.cnn.CnnClassifier;
import dev.digits.training.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the CNN with freshly distorted digits every epoch. After each epoch it writes a checkpoint
 * (network and Adam state); a run that finds one resumes after the epoch it recorded.
 */
public final class CnnTrainer {

  /**
   * Hyperparameters (see TrainCnn for the values used and why): the last {@code cleanEpochs} of the
   * {@code epochs} learn from {@code clean} examples, the others from {@code examples}.
   */
  public record Config(
      CnnArchitecture.Shape shape,
      int epochs,
      int cleanEpochs,
      int batchSize,
      double learningRate,
      double decayPerEpoch,
      long seed,
      Examples examples,
      Examples clean,
      Path checkpoint) {}

  /** Told of progress within an epoch and at its end. */
  public interface Listener {
    void batchDone(int epoch, int batch, int batches, double loss);

    void epochDone(int epoch, double meanLoss, CnnClassifier snapshot);
  }

  private final Config config;

  public CnnTrainer(Config config) {
    this.config = config;
  }

  public CnnClassifier train(MnistDataset data, Listener listener) {
    MultiLayerNetwork net = startOrResume();
    int batches = (data.size() + config.batchSize() - 1) / config.batchSize();
    for (int epoch = net.getEpochCount() + 1; epoch <= config.epochs(); epoch++) {
      int[] order = EpochOrder.shuffled(data.size(), config.seed(), epoch);
      Examples examples =
          epoch > config.epochs() - config.cleanEpochs() ? config.clean() : config.examples();
      double loss = 0;
      for (int b = 0; b < batches; b++) {
        int start = b * config.batchSize();
        int end = Math.min(order.length, start + config.batchSize());
        net.fit(batch(data, order, start, end, examples, epoch));
        loss += net.score();
        listener.batchDone(epoch, b + 1, batches, loss / (b + 1));
      }
      net.incrementEpochCount(); // drives the per-epoch learning-rate schedule, and is saved with
      // the checkpoint
      saveCheckpoint(net);
      listener.epochDone(epoch, loss / batches, new CnnClassifier(net));
    }
    return new CnnClassifier(net);
  }

  private MultiLayerNetwork startOrResume() {
    Path checkpoint = config.checkpoint();
    if (checkpoint != null && Files.isRegularFile(checkpoint)) {
      try {
        MultiLayerNetwork net = MultiLayerNetwork.load(checkpoint.toFile(), true);
        System.out.printf("resuming from %s after epoch %d%n", checkpoint, net.getEpochCount());
        return net;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read checkpoint " + checkpoint + " (delete it to start afresh)", e);
      }
    }
    MultiLayerNetwork net =
        new MultiLayerNetwork(
            CnnArchitecture.configuration(
                config.shape(), config.seed(), config.learningRate(), config.decayPerEpoch()));
    net.init();
    return net;
  }

  private DataSet batch(
      MnistDataset data, int[] order, int start, int end, Examples examples, int epoch) {
    int n = end - start;
    float[] features = new float[n * DigitClassifier.PIXELS];
    float[] labels = new float[n * 10];
    for (int i = 0; i < n; i++) {
      int idx = order[start + i];
      System.arraycopy(
          examples.of(
              data.images()[idx],
              data.labels()[idx],
              EpochOrder.forExample(config.seed(), epoch, idx)),
          0,
          features,
          i * DigitClassifier.PIXELS,
          DigitClassifier.PIXELS);
      labels[i * 10 + data.labels()[idx]] = 1f;
    }
    INDArray f = Nd4j.create(features, new long[] {n, DigitClassifier.PIXELS}, 'c');
    INDArray l = Nd4j.create(labels, new long[] {n, 10}, 'c');
    return new DataSet(f, l);
  }

  private void saveCheckpoint(MultiLayerNetwork net) {
    Path checkpoint = config.checkpoint();
    if (checkpoint == null) {
      return;
    }
    try {
      Files.createDirectories(checkpoint.toAbsolutePath().getParent());
      Path tmp = checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp");
      net.save(tmp.toFile(), true);
      // Atomic, so a run killed mid-write leaves the previous checkpoint intact.
      Files.move(
          tmp, checkpoint, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + checkpoint, e);
    }
  }
}
