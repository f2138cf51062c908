package dev.digits.training;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.cnn.CnnClassifier;
import dev.digits.training.cnn.CnnTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Trains the DL4J CNN on MNIST and writes models/cnn.zip and models/cnn.json. Checkpoints go to
 * checkpoints/cnn.zip after every epoch; rerunning the command resumes from there.
 */
public final class TrainCnn {
  static final int EPOCHS =
      11; // ten with fresh distortions every epoch, where test accuracy flattens out, then:
  static final int CLEAN_EPOCHS =
      1; // one on the undistorted digits, to settle on the distribution MNIST's test set has
  static final int BATCH = 128; // amortises ND4J's per-call overhead on 2 cores
  static final double LEARNING_RATE = 1e-3; // Adam's usual default
  static final double DECAY = 0.75; // per epoch: the last epoch fine-tunes at ~1/13 of the start
  static final long SEED = 42;
  static final Path CHECKPOINT = Path.of("checkpoints", "cnn.zip");

  private TrainCnn() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : EPOCHS;
    MnistFiles files = MnistFiles.fromSystemProperty();
    MnistDataset train = files.training();
    MnistDataset test = files.test();
    var config =
        new CnnTrainer.Config(
            epochs, CLEAN_EPOCHS, BATCH, LEARNING_RATE, DECAY, SEED, TrainAnn.AUGMENT, CHECKPOINT);
    System.out.printf("training CNN for %d epochs (checkpoint %s)%n", epochs, CHECKPOINT);
    Progress progress = new Progress(epochs, TrainingClock.resumedSeconds(CHECKPOINT));
    CnnClassifier cnn =
        new CnnTrainer(config)
            .train(
                train,
                new CnnTrainer.Listener() {
                  @Override
                  public void batchDone(int epoch, int batch, int batches, double loss) {
                    if (batch % 50 == 0) {
                      System.out.printf(
                          "  epoch %d batch %d/%d loss %.4f (%s)%n",
                          epoch, batch, batches, loss, Progress.format(progress.seconds()));
                    }
                  }

                  @Override
                  public void epochDone(int epoch, double meanLoss, CnnClassifier snapshot) {
                    progress.epoch(
                        epoch, meanLoss, Double.NaN, Evaluation.of(snapshot, test).accuracy());
                    TrainingClock.record(CHECKPOINT, progress.seconds());
                  }
                });
    Path out = Path.of("models", "cnn.zip");
    try {
      cnn.network().save(out.toFile(), false);
      Files.deleteIfExists(CHECKPOINT); // the next run trains from scratch
      Files.deleteIfExists(TrainingClock.file(CHECKPOINT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    Evaluation eval = Evaluation.of(cnn, test);
    System.out.print(eval.report());
    Map<String, String> hp =
        Hyperparameters.adam(LEARNING_RATE, DECAY, BATCH, SEED, TrainAnn.AUGMENT);
    hp.put("undistortedLastEpochs", Integer.toString(CLEAN_EPOCHS));
    ModelCard.of(
            "cnn",
            "cnn.zip",
            "DL4J ModelSerializer zip (MultiLayerNetwork.load), no updater",
            "conv5x5x32-BN-ReLU-maxpool2, conv5x5x64-BN-ReLU-maxpool2, dense 256 ReLU, dropout 0.5, dense 10 softmax;"
                + " Deeplearning4j 1.0.0-M2.1",
            cnn.parameterCount(),
            hp,
            epochs,
            progress.seconds(),
            eval,
            "mvn -q compile exec:exec@train-cnn")
        .write(Path.of("models", "cnn.json"));
    System.out.println("wrote " + out + " and models/cnn.json");
  }
}
