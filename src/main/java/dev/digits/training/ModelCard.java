package dev.digits.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The facts about a trained model that travel beside its weights as {@code models/<name>.json}. */
public record ModelCard(
    String name,
    String file,
    String format,
    String architecture,
    long parameters,
    Map<String, String> hyperparameters,
    int epochs,
    double trainingSeconds,
    String machine,
    String trainedAt,
    double testAccuracy,
    double[] perClassAccuracy,
    int[][] confusionMatrix,
    String command) {

  public static ModelCard of(
      String name,
      String file,
      String format,
      String architecture,
      long parameters,
      Map<String, String> hyperparameters,
      int epochs,
      double seconds,
      Evaluation eval,
      String command) {
    return new ModelCard(
        name,
        file,
        format,
        architecture,
        parameters,
        hyperparameters,
        epochs,
        seconds,
        Machine.describe(),
        Instant.now().toString(),
        eval.accuracy(),
        eval.perClassAccuracy(),
        eval.confusion(),
        command);
  }

  /** Writes the card as JSON (by hand: the training tools run without a JSON library). */
  public void write(Path path) {
    StringBuilder sb = new StringBuilder("{\n");
    field(sb, "name", quote(name));
    field(sb, "file", quote(file));
    field(sb, "format", quote(format));
    field(sb, "architecture", quote(architecture));
    field(sb, "parameters", Long.toString(parameters));
    field(
        sb,
        "hyperparameters",
        hyperparameters.entrySet().stream()
            .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
            .collect(Collectors.joining(", ", "{", "}")));
    field(sb, "epochs", Integer.toString(epochs));
    field(sb, "trainingSeconds", String.format(Locale.ROOT, "%.1f", trainingSeconds));
    field(sb, "machine", quote(machine));
    field(sb, "trainedAt", quote(trainedAt));
    evaluation(sb);
    sb.append("  \"command\": ").append(quote(command)).append("\n}\n");
    try {
      Files.writeString(path, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model card " + path, e);
    }
  }

  /**
   * Replaces the evaluation in a written card (accuracy, per class, confusion matrix), keeping the
   * rest as training wrote it.
   */
  public static void rewriteEvaluation(Path path, Evaluation eval) {
    try {
      String card = Files.readString(path);
      ModelCard figures =
          new ModelCard(
              "",
              "",
              "",
              "",
              0,
              Map.of(),
              0,
              0,
              "",
              "",
              eval.accuracy(),
              eval.perClassAccuracy(),
              eval.confusion(),
              "");
      StringBuilder sb = new StringBuilder();
      figures.evaluation(sb);
      String replaced =
          card.replaceFirst(
              "(?s)  \"testAccuracy\".*?\n  \"confusionMatrix\": \\[.*?\n  \\],\n",
              Matcher.quoteReplacement(sb.toString()));
      if (replaced.equals(card) && !card.contains(sb)) {
        throw new IllegalStateException(path + " has no evaluation to replace");
      }
      Files.writeString(path, replaced);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite model card " + path, e);
    }
  }

  /**
   * Puts (or replaces) a field that a later step measures (calibration, robustness) into a written
   * card, just before its command. {@code json} is one line, or an object whose closing brace is on
   * a line of its own, indented by two spaces.
   */
  public static void putField(Path path, String key, String json) {
    try {
      String quoted = Pattern.quote(quote(key));
      String text =
          Files.readString(path)
              .replaceFirst("(?ms)^  " + quoted + ": (\\{\n.*?^  \\}|[^\n]*),\n", "");
      String replaced =
          text.replaceFirst(
              "\n  \"command\"",
              Matcher.quoteReplacement("\n  " + quote(key) + ": " + json + ",\n  \"command\""));
      if (replaced.equals(text)) {
        throw new IllegalStateException(path + " has no \"command\" to put " + key + " before");
      }
      Files.writeString(path, replaced);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite model card " + path, e);
    }
  }

  /** The evaluation fields: accuracy, per class, confusion matrix. */
  private void evaluation(StringBuilder sb) {
    field(sb, "testAccuracy", String.format(Locale.ROOT, "%.4f", testAccuracy));
    StringBuilder per = new StringBuilder("[");
    for (int d = 0; d < perClassAccuracy.length; d++) {
      per.append(d == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.4f", perClassAccuracy[d]));
    }
    field(sb, "perClassAccuracy", per.append("]").toString());
    StringBuilder cm = new StringBuilder("[\n");
    for (int d = 0; d < confusionMatrix.length; d++) {
      cm.append("    ")
          .append(Arrays.toString(confusionMatrix[d]))
          .append(d + 1 < confusionMatrix.length ? ",\n" : "\n");
    }
    field(sb, "confusionMatrix", cm.append("  ]").toString());
  }

  private static void field(StringBuilder sb, String key, String json) {
    sb.append("  ").append(quote(key)).append(": ").append(json).append(",\n");
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
