package dev.digits.training;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.Augmenter;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.mnist.WrittenForms;
import dev.digits.model.cnn.CnnArchitecture.Shape;
import dev.digits.model.cnn.CnnClassifier;
import dev.digits.training.cnn.CnnTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Trains one member of the CNN committee on MNIST ({@code -Dcnn.member=N}; 4, the served CNN, by
 * default) and writes models/NAME.zip and models/NAME.json. Checkpoints go to checkpoints/NAME.zip
 * after every epoch; rerunning the command resumes from there.
 */
public final class TrainCnn {
  /**
   * The committee: each member its own seed and examples, so that their errors differ. All learn
   * from distorted digits as MNIST stores them ({@link Examples}). The fourth, of the deeper shape,
   * is the CNN the legacy route serves ({@code cnn.zip}): as accurate on MNIST as the first and far
   * better on European forms (README, Digits as people write them).
   */
  enum Member {
    FIRST("cnn-1", Shape.SHALLOW, 42, WrittenForms.Settings.NONE, EPOCHS, DECAY),
    // With the ANN's share of European forms, which cost the ANN nothing on MNIST.
    SECOND("cnn-2", Shape.SHALLOW, 1234, TrainAnn.FORMS, EPOCHS, DECAY),
    // Two more epochs, decaying slower to end near the same rate: more distorted examples.
    THIRD("cnn-3", Shape.SHALLOW, 7, TrainAnn.FORMS, 13, 0.8),
    // The deeper shape, with the third's recipe and one epoch more.
    FOURTH("cnn", Shape.DEEP, 2027, TrainAnn.FORMS, 14, 0.8);

    final String name;
    final Shape shape;
    final long seed;
    final WrittenForms.Settings forms;
    final int epochs;
    final double decay;

    Member(
        String name,
        Shape shape,
        long seed,
        WrittenForms.Settings forms,
        int epochs,
        double decay) {
      this.name = name;
      this.shape = shape;
      this.seed = seed;
      this.forms = forms;
      this.epochs = epochs;
      this.decay = decay;
    }

    static Member fromSystemProperty() {
      int n = Integer.getInteger("cnn.member", 4); // the served CNN
      if (n < 1 || n > values().length) {
        throw new IllegalArgumentException(
            "-Dcnn.member=" + n + ": the committee has members 1 to " + values().length);
      }
      return values()[n - 1];
    }
  }

  static final int EPOCHS =
      11; // ten with fresh distortions every epoch, where test accuracy flattens out, then:
  static final int CLEAN_EPOCHS =
      1; // one on the undistorted digits, to settle on the distribution MNIST's test set has
  static final int BATCH = 128; // amortises ND4J's per-call overhead on 2 cores
  static final double LEARNING_RATE = 1e-3; // Adam's usual default
  static final double DECAY = 0.75; // per epoch: the last epoch fine-tunes at ~1/13 of the start

  private TrainCnn() {}

  public static void main(String[] args) {
    Member member = Member.fromSystemProperty();
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : member.epochs;
    Path checkpoint = Path.of("checkpoints", member.name + ".zip");
    MnistFiles files = MnistFiles.fromSystemProperty();
    MnistDataset train = files.training();
    MnistDataset test = files.test().map(Preprocessor::served); // as a client's picture is read
    var config =
        new CnnTrainer.Config(
            member.shape,
            epochs,
            CLEAN_EPOCHS,
            BATCH,
            LEARNING_RATE,
            member.decay,
            member.seed,
            new Examples(TrainAnn.AUGMENT, member.forms),
            new Examples(Augmenter.Settings.NONE, member.forms),
            checkpoint);
    System.out.printf(
        "training %s for %d epochs (checkpoint %s)%n", member.name, epochs, checkpoint);
    Progress progress = new Progress(epochs, TrainingClock.resumedSeconds(checkpoint));
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
                    TrainingClock.record(checkpoint, progress.seconds());
                  }
                });
    Path out = Path.of("models", member.name + ".zip");
    try {
      cnn.network().save(out.toFile(), false);
      Files.deleteIfExists(checkpoint); // the next run trains from scratch
      Files.deleteIfExists(TrainingClock.file(checkpoint));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    Evaluation eval = Evaluation.of(cnn, test);
    System.out.print(eval.report());
    Map<String, String> hp =
        Hyperparameters.adam(LEARNING_RATE, member.decay, BATCH, member.seed, TrainAnn.AUGMENT);
    hp.put("undistortedLastEpochs", Integer.toString(CLEAN_EPOCHS));
    if (!member.forms.equals(WrittenForms.Settings.NONE)) {
      hp.put("writtenForms", member.forms.toString());
    }
    hp.put("framing", Examples.FRAMING);
    ModelCard.of(
            member.name,
            member.name + ".zip",
            "DL4J ModelSerializer zip (MultiLayerNetwork.load), no updater",
            member.shape.description() + "; Deeplearning4j 1.0.0-M2.1",
            cnn.parameterCount(),
            hp,
            epochs,
            progress.seconds(),
            eval,
            "mvn -q compile exec:exec@train-cnn -Dcnn.member=" + (member.ordinal() + 1))
        .write(Path.of("models", member.name + ".json"));
    System.out.println("wrote " + out + " and models/" + member.name + ".json");
  }
}
