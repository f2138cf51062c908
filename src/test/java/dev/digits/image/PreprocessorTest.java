package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same digit drawn in different ways must reach the model as the same 28x28 image. */
class PreprocessorTest {
  private static final List<Style> VARIANTS =
      List.of(
          new Style(280, 10, 170, 100, Color.BLACK, Color.WHITE), // small, bottom-left corner
          new Style(280, 150, 5, 120, Color.BLACK, Color.WHITE), // small, top-right
          new Style(280, -20, -20, 320, Color.BLACK, Color.WHITE), // large, overflowing slightly
          new Style(280, 0, 0, 280, Color.WHITE, Color.BLACK), // white on black
          new Style(280, 40, 40, 200, Color.BLACK, null), // black strokes on a transparent canvas
          new Style(280, 40, 40, 200, Color.WHITE, null), // white strokes on a transparent canvas
          new Style(
              400,
              60,
              30,
              250,
              new Color(20, 20, 120),
              new Color(235, 230, 210))); // blue ink, cream paper
  private static DigitClassifier ann;

  @BeforeAll
  static void load() {
    ann = ModelFiles.ann(Path.of("models"));
  }

  @Test
  void digitDrawnAnywhereGivesTheSameInputAndAnswer() {
    int pairs = 0;
    int agreeing = 0;
    for (int n = 0; n < 100; n++) {
      float[] digit = MnistFixture.test().images()[n];
      float[] reference = fromImage(CanvasRenderer.render(digit, Style.oldCanvas()));
      int expected = Prediction.argmax(ann.probabilities(reference));
      for (Style s : VARIANTS) {
        float[] input = fromImage(CanvasRenderer.render(digit, s));
        double diff = meanAbsDifference(reference, input);
        assertTrue(diff < 0.05, "digit " + n + " drawn as " + s + " differs by " + diff);
        pairs++;
        if (Prediction.argmax(ann.probabilities(input)) == expected) {
          agreeing++;
        }
      }
    }
    // Resampling at other scales moves a few grey levels; only a digit on a knife-edge may flip.
    assertTrue(
        agreeing >= pairs * 0.99,
        agreeing + " of " + pairs + " variants answer as the centred digit");
  }

  @Test
  void reusedBuffersLeaveNothingOfThePicturesBefore() {
    // Serving reuses its picture-sized arrays: each answer must equal the one freshly allocated
    // arrays give, whatever came before on any size of picture, and a failure must not leak them.
    List<byte[]> pngs =
        VARIANTS.stream()
            .map(s -> CanvasRenderer.png(CanvasRenderer.render(MnistFixture.test().images()[7], s)))
            .toList();
    for (int round = 0; round < 2; round++) {
      for (byte[] png : pngs) {
        ImageDecoder.Pixels p = ImageDecoder.decode(EncodedImage.of(png));
        float[] fresh =
            MnistFraming.toMnist(InkExtractor.fromArgb(p.width(), p.height(), p.argb()));
        assertArrayEquals(fresh, Preprocessor.toMnist(EncodedImage.of(png)));
        BufferedImage blank = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
        assertThrows(
            NoDigitException.class,
            () -> Preprocessor.toMnist(EncodedImage.of(CanvasRenderer.png(blank))));
      }
    }
  }

  @Test
  void pngRoundTripMatchesTheDirectPath() {
    float[] digit = MnistFixture.test().images()[7];
    BufferedImage canvas = CanvasRenderer.render(digit, Style.oldCanvas());
    float[] direct = fromImage(canvas);
    float[] viaPng = Preprocessor.toMnist(EncodedImage.of(CanvasRenderer.png(canvas)));
    assertTrue(meanAbsDifference(direct, viaPng) < 1e-6);
  }

  @Test
  void renderedMnistKeepsTheModelsAccuracy() {
    int n = 500;
    int correct = 0;
    for (int i = 0; i < n; i++) {
      float[] input =
          fromImage(CanvasRenderer.render(MnistFixture.test().images()[i], Style.oldCanvas()));
      if (Prediction.argmax(ann.probabilities(input)) == MnistFixture.test().labels()[i]) {
        correct++;
      }
    }
    assertTrue(correct >= n * 0.98, correct + " of " + n);
  }

  @Test
  void blankCanvasIsNoDigit() {
    float[] empty = new float[784];
    assertThrows(
        NoDigitException.class, () -> fromImage(CanvasRenderer.render(empty, Style.oldCanvas())));
    assertThrows(
        NoDigitException.class,
        () ->
            fromImage(CanvasRenderer.render(empty, new Style(280, 0, 0, 280, Color.BLACK, null))));
  }

  @Test
  void outputIsFramedLikeMnist() {
    float[] input =
        fromImage(
            CanvasRenderer.render(
                MnistFixture.test().images()[0],
                new Style(280, 30, 90, 90, Color.BLACK, Color.WHITE)));
    double sum = 0;
    double sx = 0;
    double sy = 0;
    float max = 0;
    for (int i = 0; i < 784; i++) {
      sum += input[i];
      sx += input[i] * (i % 28 + 0.5);
      sy += input[i] * (i / 28 + 0.5);
      max = Math.max(max, input[i]);
    }
    assertEquals(14.5, sx / sum, 0.3);
    assertEquals(14.5, sy / sum, 0.3);
    assertEquals(1f, max, 1e-6);
  }

  private static float[] fromImage(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    return MnistFraming.toMnist(InkExtractor.fromArgb(w, h, img.getRGB(0, 0, w, h, null, 0, w)));
  }

  private static double meanAbsDifference(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return d / a.length;
  }
}
