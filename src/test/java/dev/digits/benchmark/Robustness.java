package dev.digits.benchmark;

import dev.digits.image.EncodedImage;
import dev.digits.image.Preprocessor;
import dev.digits.image.RejectedImageException;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenDigits;
import dev.digits.mnist.WrittenDigits.Condition;
import dev.digits.mnist.WrittenDigits.Sample;
import dev.digits.model.DigitClassifier;
import dev.digits.model.EnsembleClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import dev.digits.training.ModelCard;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Each model's accuracy on the robustness set ({@link WrittenDigits}): digits as people write them,
 * made of MNIST test digits, per condition. Every picture goes through the server's own decoding
 * and framing ({@link Preprocessor#toMnist}), so these are the figures a client gets; RobustnessIT
 * checks that the server answers them over HTTP. With {@code --cards} the figures go into each
 * model's card ({@code "robustness"}) and a sheet of one picture per condition into {@code
 * models/robustness.png}.
 *
 * <pre>mvn -q test-compile exec:exec@robustness   (-Drobustness.count=1000 digits a condition)
 * </pre>
 *
 * <p>Run as a class, {@code -Drobustness.files=cnn-2.zip,cnn-2.zip+cnn-3.zip} measures committee
 * members, and committees of them, beside the served models.
 */
public final class Robustness {
  /** Test digits a condition uses: every tenth of the test set; the European forms, the first. */
  public static final int COUNT = Integer.getInteger("robustness.count", 1000);

  public static final int EUROPEAN_COUNT = COUNT / 4;

  private Robustness() {}

  public static void main(String[] args) throws Exception {
    boolean cards = List.of(args).contains("--cards");
    Path dir = Path.of("models");
    Map<String, DigitClassifier> models = new LinkedHashMap<>(ModelFiles.byName(dir));
    // -Drobustness.files=cnn-2.zip,cnn-2.zip+cnn-3.zip,...: CNNs that no route serves alone, and
    // committees of them (+), measured beside the served models.
    for (String files : System.getProperty("robustness.files", "").split(",")) {
      if (!files.isBlank()) {
        List<DigitClassifier> members =
            Arrays.stream(files.split("\\+"))
                .map(f -> (DigitClassifier) ModelFiles.cnnForwardPass(ModelFiles.directory(dir), f))
                .toList();
        models.put(
            files.replace(".zip", ""),
            members.size() == 1 ? members.get(0) : EnsembleClassifier.mean(members));
      }
    }
    WrittenDigits set = new WrittenDigits(MnistFixture.test());
    Map<String, Map<Condition, double[]>> results = new LinkedHashMap<>();
    models.keySet().forEach(m -> results.put(m, new LinkedHashMap<>()));
    long t0 = System.nanoTime();
    String only = System.getProperty("robustness.conditions");
    List<Condition> conditions =
        only == null
            ? List.of(Condition.values())
            : java.util.Arrays.stream(only.split(",")).map(Condition::valueOf).toList();
    for (Condition condition : conditions) {
      List<float[]> framed = framed(set, condition);
      StringBuilder line = new StringBuilder(String.format("%-8s", condition));
      for (var model : models.entrySet()) {
        double[] figures = accuracy(model.getValue(), framed, labels(set, condition));
        results.get(model.getKey()).put(condition, figures);
        line.append(String.format(Locale.ROOT, "  %s %.2f %%", model.getKey(), 100 * figures[0]));
      }
      System.out.println(line);
    }
    System.out.printf("%.0f s%n", (System.nanoTime() - t0) / 1e9);
    if (cards) {
      for (var model : results.entrySet()) {
        ModelCard.putField(
            dir.resolve(model.getKey() + ".json"), "robustness", json(model.getValue()));
      }
      ImageIO.write(sheet(set), "png", dir.resolve("robustness.png").toFile());
      System.out.println("wrote the robustness into the cards and models/robustness.png");
    }
  }

  /** The test digits a condition uses. */
  public static int[] digits(WrittenDigits set, Condition condition) {
    return set.digits(condition, condition.form() < 0 ? COUNT : EUROPEAN_COUNT);
  }

  private static int[] labels(WrittenDigits set, Condition condition) {
    int[] digits = digits(set, condition);
    int[] labels = new int[digits.length];
    for (int i = 0; i < digits.length; i++) {
      labels[i] = MnistFixture.test().labels()[digits[i]];
    }
    return labels;
  }

  /** Each picture as the server frames it; null where it refuses the picture (no digit found). */
  private static List<float[]> framed(WrittenDigits set, Condition condition) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (int index : digits(set, condition)) {
        futures.add(
            pool.submit(
                () -> {
                  Sample s = set.sample(condition, index);
                  try {
                    return Preprocessor.toMnist(EncodedImage.of(s.bytes()));
                  } catch (RejectedImageException e) {
                    return null;
                  }
                }));
      }
      List<float[]> out = new ArrayList<>();
      for (Future<float[]> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  /** Accuracy, and the share of pictures refused (counted wrong). */
  private static double[] accuracy(DigitClassifier model, List<float[]> framed, int[] labels) {
    int right = 0;
    int refused = 0;
    for (int i = 0; i < framed.size(); i++) {
      if (framed.get(i) == null) {
        refused++;
      } else if (Prediction.argmax(model.probabilities(framed.get(i))) == labels[i]) {
        right++;
      }
    }
    return new double[] {right / (double) framed.size(), refused / (double) framed.size()};
  }

  private static String json(Map<Condition, double[]> figures) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append(
            "    \"what\": \"accuracy through the server's decoding and framing on digits as people")
        .append(
            " write them, made of MNIST test digits (src/test/java/dev/digits/mnist/WrittenDigits.java):")
        .append(" ")
        .append(COUNT)
        .append(" a condition, every tenth test digit; ")
        .append(EUROPEAN_COUNT)
        .append(" of each European form\",\n");
    sb.append("    \"measuredAt\": \"").append(LocalDate.now()).append("\",\n");
    sb.append("    \"command\": \"mvn -q test-compile exec:exec@robustness\",\n");
    sb.append("    \"accuracy\": {");
    int n = 0;
    for (var e : figures.entrySet()) {
      sb.append(n++ == 0 ? "\n" : ",\n")
          .append("      \"")
          .append(e.getKey().name().toLowerCase(Locale.ROOT))
          .append("\": ")
          .append(String.format(Locale.ROOT, "%.4f", e.getValue()[0]));
    }
    return sb.append("\n    }\n  }").toString();
  }

  /** One picture of each condition, named, for the README. */
  private static BufferedImage sheet(WrittenDigits set) {
    int tile = 140;
    int columns = 6;
    Condition[] all = Condition.values();
    int rows = (all.length + columns - 1) / columns;
    BufferedImage sheet =
        new BufferedImage(columns * tile, rows * (tile + 18), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (int i = 0; i < all.length; i++) {
        int x = i % columns * tile;
        int y = i / columns * (tile + 18);
        int[] digits = digits(set, all[i]);
        BufferedImage picture = set.sample(all[i], digits[i % digits.length]).picture();
        g.drawImage(picture, x + 2, y + 2, tile - 4, tile - 4, null);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x + 2, y + 2, tile - 5, tile - 5);
        g.drawString(all[i].name().toLowerCase(Locale.ROOT), x + 4, y + tile + 12);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }
}
