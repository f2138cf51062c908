package dev.digits.training;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.DigitClassifier;
import dev.digits.model.EnsembleClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.ann.AnnFile;
import dev.digits.model.cnn.CnnClassifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates a model file on the 10,000 MNIST test digits, each framed as the server frames a
 * picture of it ({@link Preprocessor#served}), and prints accuracy and the confusion matrix. The
 * argument is a file ({@code .bin}: ANN, {@code .zip}: CNN), files joined by {@code +} (the mean of
 * their probabilities: a committee to compare with the served one) or {@code ensemble}; with {@code
 * --card} after one file, the figures replace those in the model's card.
 */
public final class Evaluate {
  private Evaluate() {}

  public static void main(String[] args) {
    String what = args.length > 0 && !args[0].isBlank() ? args[0] : "models/" + ModelFiles.CNN;
    DigitClassifier classifier = classifier(what);
    long start = System.nanoTime();
    Evaluation eval =
        Evaluation.of(classifier, MnistFiles.fromSystemProperty().test().map(Preprocessor::served));
    System.out.printf(
        "%s (%s) on the MNIST test set as the server frames it, %.1f s%n",
        what, classifier.name(), (System.nanoTime() - start) / 1e9);
    System.out.print(eval.report());
    if (args.length > 1
        && args[1].replace("-", "").equals("card")
        && !what.equals("ensemble")
        && !what.contains("+")) {
      Path card = Path.of(what.replaceAll("\\.(bin|zip)$", ".json"));
      ModelCard.rewriteEvaluation(card, eval);
      System.out.println("wrote the evaluation into " + card);
    }
    if (what.equals("ensemble")) {
      // The ensemble has no training of its own; its card records how the committed models score
      // together.
      ModelCard.of(
              "ensemble",
              EnsembleClassifier.FILES,
              "no file of its own",
              EnsembleClassifier.ARCHITECTURE,
              classifier.parameterCount(),
              Map.of(),
              0,
              0,
              eval,
              "mvn -q compile exec:exec@evaluate -Dmodel=ensemble")
          .write(Path.of("models", "ensemble.json"));
      System.out.println("wrote models/ensemble.json");
    }
  }

  static DigitClassifier classifier(String what) {
    if (what.equals("ensemble")) {
      return ModelFiles.byName(Path.of("models")).get("ensemble");
    }
    if (what.contains("+")) {
      return EnsembleClassifier.mean(
          Arrays.stream(what.split("\\+")).map(String::strip).map(Evaluate::classifier).toList());
    }
    Path file = Path.of(what);
    if (what.endsWith(".bin")) {
      return AnnFile.load(file);
    }
    if (what.endsWith(".zip")) {
      return CnnClassifier.load(file);
    }
    throw new IllegalArgumentException(
        "expected an ANN .bin file, a CNN .zip file or 'ensemble', got " + what);
  }
}
