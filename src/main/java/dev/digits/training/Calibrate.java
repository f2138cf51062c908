package dev.digits.training;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.Augmenter;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Fits each committed model's temperature and low-confidence threshold on held-out digits, checks
 * both on the MNIST test set as the server frames it, and writes them into the cards ({@code
 * "calibration"}) and a reliability plot, {@code models/reliability.png}.
 *
 * <p>The models trained on all 60,000 training digits, always distorted but in their last epoch; so
 * the held-out set is the last 10,000 training digits under a fresh draw of the training
 * distortions (seed {@value #SEED}): pictures no model has seen, of digits it has. Test digits only
 * measure.
 */
public final class Calibrate {
  static final long SEED = 2026;
  static final double TARGET = 0.999; // answers at or above the threshold: at least this right

  private Calibrate() {}

  /**
   * What calibration is fitted on: the last 10,000 training digits, distorted as in training (a
   * fresh draw), as the server frames them.
   */
  public static MnistDataset heldOut(MnistDataset training) {
    int from = training.size() - 10_000;
    Augmenter distort = new Augmenter(TrainAnn.AUGMENT);
    Random random = new Random(SEED);
    float[][] held = new float[10_000][];
    byte[] labels = new byte[held.length];
    for (int i = 0; i < held.length; i++) {
      held[i] = Preprocessor.served(distort.augment(training.images()[from + i], random));
      labels[i] = training.labels()[from + i];
    }
    return new MnistDataset(held, labels);
  }

  public static void main(String[] args) {
    Path dir = Path.of("models");
    MnistFiles files = MnistFiles.fromSystemProperty();
    MnistDataset heldOut = heldOut(files.training());
    float[][] held = heldOut.images();
    byte[] heldLabels = heldOut.labels();
    MnistDataset test = files.test().map(Preprocessor::served);

    Map<String, DigitClassifier> models = ModelFiles.byName(dir);
    Map<String, Calibration.Reliability[]> plots = new LinkedHashMap<>();
    for (var model : models.entrySet()) {
      float[][] heldRaw = model.getValue().probabilities(held);
      float[][] testRaw = model.getValue().probabilities(test.images());
      double t = Calibration.fitTemperature(heldRaw, heldLabels);
      float threshold = Calibration.threshold(Calibration.scaled(heldRaw, t), heldLabels, TARGET);
      float[][] testScaled = Calibration.scaled(testRaw, t);
      Calibration.Reliability before = Calibration.reliability(testRaw, test.labels());
      Calibration.Reliability after = Calibration.reliability(testScaled, test.labels());
      double[] above = Calibration.aboveAndFlagged(testScaled, test.labels(), threshold);
      String json =
          String.format(
              Locale.ROOT,
              "{\"temperature\": %.4f, \"fittedOn\": \"training digits 50000-59999, distorted as"
                  + " in training (seed %d)\", \"testEce\": %.4f, \"testEceUncalibrated\": %.4f,"
                  + " \"lowConfidenceBelow\": %.4f, \"testAccuracyAtOrAbove\": %.4f,"
                  + " \"testShareFlagged\": %.4f, \"plot\": \"reliability.png\", \"command\":"
                  + " \"mvn -q compile exec:exec@calibrate\"}",
              t,
              SEED,
              after.ece(),
              before.ece(),
              threshold,
              above[0],
              above[1]);
      System.out.printf("%-8s %s%n", model.getKey(), json);
      ModelCard.putField(dir.resolve(model.getKey() + ".json"), "calibration", json);
      plots.put(model.getKey(), new Calibration.Reliability[] {before, after});
    }
    plot(plots, dir.resolve("reliability.png"));
    System.out.println(
        "wrote the calibration into the cards and " + dir.resolve("reliability.png"));
  }

  /** One panel per model: accuracy against confidence per bin, before (grey) and after (blue). */
  static void plot(Map<String, Calibration.Reliability[]> models, Path file) {
    int panel = 300;
    int pad = 40;
    BufferedImage img =
        new BufferedImage(
            models.size() * (panel + pad) + pad, panel + 2 * pad, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    int x0 = pad;
    for (var model : models.entrySet()) {
      int y0 = pad;
      g.setColor(Color.BLACK);
      g.drawRect(x0, y0, panel, panel);
      g.drawString(model.getKey() + ": accuracy (y) against confidence (x)", x0, y0 - 10);
      g.drawString("0", x0 - 12, y0 + panel + 14);
      g.drawString("1", x0 + panel - 4, y0 + panel + 14);
      g.setColor(Color.LIGHT_GRAY);
      g.drawLine(x0, y0 + panel, x0 + panel, y0);
      Color[] colours = {Color.GRAY, new Color(0x1f, 0x5f, 0xbf)};
      for (int s = 0; s < 2; s++) {
        Calibration.Reliability r = model.getValue()[s];
        g.setColor(colours[s]);
        g.setStroke(new BasicStroke(s == 0 ? 1.5f : 2.5f));
        int px = -1;
        int py = -1;
        for (int b = 0; b < r.count().length; b++) {
          if (r.count()[b] == 0) {
            continue;
          }
          int x = x0 + (int) Math.round(r.confidence()[b] * panel);
          int y = y0 + panel - (int) Math.round(r.accuracy()[b] * panel);
          g.fillOval(x - 3, y - 3, 7, 7);
          if (px >= 0) {
            g.drawLine(px, py, x, y);
          }
          px = x;
          py = y;
        }
        g.drawString(
            (s == 0 ? "as trained" : "calibrated")
                + String.format(Locale.ROOT, ", ECE %.2f %%", 100 * r.ece()),
            x0 + 10,
            y0 + 20 + 16 * s);
      }
      g.setStroke(new BasicStroke(1));
      x0 += panel + pad;
    }
    g.dispose();
    try {
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
