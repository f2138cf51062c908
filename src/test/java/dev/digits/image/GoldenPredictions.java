package dev.digits.image;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import java.awt.Color;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the committed models answer for every MNIST test digit drawn on a canvas, through the whole
 * decode-and-preprocess path. Written once before a change meant to be invisible (a faster decoder
 * or preprocessor) and compared after it by {@link GoldenPredictionsTest}. Rewrite it with {@code
 * mvn -q test-compile exec:exec@golden-predictions} only when predictions are meant to change.
 */
public final class GoldenPredictions {
  static final Path FILE = Path.of("src/test/resources/golden/canvas-predictions.txt");
  static final Map<String, Style> STYLES = styles();

  private GoldenPredictions() {}

  private static Map<String, Style> styles() {
    Map<String, Style> styles = new LinkedHashMap<>();
    styles.put(
        "old-canvas", Style.oldCanvas()); // black on white, full size: the benchmark's requests
    styles.put(
        "transparent",
        new Style(280, 40, 60, 170, Color.BLACK, null)); // read from the alpha channel
    styles.put(
        "light-on-dark",
        new Style(280, 150, 5, 120, Color.WHITE, Color.BLACK)); // small, off-centre
    return styles;
  }

  /**
   * Model name to one digit per test image, and the SHA-256 of all inputs as the models saw them.
   */
  record Answers(Map<String, String> digits, String inputDigest) {}

  static Answers answer(Style style, List<DigitClassifier> models) {
    float[][] digits = MnistFixture.test().images();
    float[][] inputs =
        IntStream.range(0, digits.length)
            .parallel()
            .mapToObj(
                i ->
                    Preprocessor.toMnist(
                        EncodedImage.of(
                            CanvasRenderer.png(CanvasRenderer.render(digits[i], style)))))
            .toArray(float[][]::new);
    Map<String, String> answers = new LinkedHashMap<>();
    for (DigitClassifier model : models) {
      StringBuilder s = new StringBuilder(inputs.length);
      for (float[] p : model.probabilities(inputs)) {
        s.append(Prediction.argmax(p));
      }
      answers.put(model.name(), s.toString());
    }
    return new Answers(answers, digest(inputs));
  }

  /**
   * The models as the server runs them: the CNN on its default engine, the plain-Java forward pass.
   */
  static List<DigitClassifier> models() {
    Path dir = Path.of("models");
    return List.of(ModelFiles.ann(dir), ModelFiles.cnnForwardPass(ModelFiles.directory(dir)));
  }

  private static String digest(float[][] inputs) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteBuffer bytes = ByteBuffer.allocate(784 * 4);
      for (float[] input : inputs) {
        bytes.clear();
        bytes.asFloatBuffer().put(input);
        sha.update(bytes.array());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lines of {@code style model digits}, then {@code style inputs sha256}. */
  public static void main(String[] args) throws IOException {
    List<DigitClassifier> models = models();
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Style> style : STYLES.entrySet()) {
      Answers a = answer(style.getValue(), models);
      a.digits()
          .forEach(
              (model, digits) ->
                  out.append(style.getKey())
                      .append(' ')
                      .append(model)
                      .append(' ')
                      .append(digits)
                      .append('\n'));
      out.append(style.getKey()).append(" inputs ").append(a.inputDigest()).append('\n');
    }
    Files.writeString(FILE, out, StandardCharsets.US_ASCII);
  }
}
