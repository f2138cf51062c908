package dev.digits.recognition.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digits.image.EncodedImage;
import dev.digits.image.Preprocessor;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.TemperatureScaled;
import dev.digits.operations.control.RecognitionMeters;
import dev.digits.recognition.entity.Recognition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Recognizer without a container: both entry points share one admission and model lookup. */
class RecognizerTest {
  private static Recognizer recognizer;

  private static Recognizer started(int maxInFlight) {
    Recognizer r = new Recognizer();
    r.meters = RecognitionMeters.in(new SimpleMeterRegistry(), 0.5);
    r.modelsDir = Optional.of("models");
    r.maxInFlight = maxInFlight;
    r.maxBatch = 64;
    r.cnnEngine = "java";
    r.nd4jThreads = 1;
    r.load();
    assertEquals(ModelState.READY, r.state(), r.state().reason());
    return r;
  }

  @BeforeAll
  static void start() {
    recognizer = started(64);
  }

  @Test
  void classifyFeedsMnistImagesToTheModelAsTheyAre() {
    // The ANN as its card calibrates it.
    DigitClassifier ann =
        new TemperatureScaled(
            ModelFiles.ann(Path.of("models")),
            ModelCatalog.read(ModelFiles.directory(Path.of("models")), "ann").temperature());
    List<float[]> images = Arrays.asList(MnistFixture.test().images()).subList(0, 20);
    List<Recognition> out = recognizer.classify(images, "ann");
    assertEquals(20, out.size());
    for (int i = 0; i < 20; i++) {
      assertEquals("ann", out.get(i).model());
      assertArrayEquals(ann.probabilities(images.get(i)), out.get(i).prediction().probabilities());
      assertArrayEquals(images.get(i), out.get(i).input());
    }
  }

  @Test
  void recognizeAllStillPreprocessesPictures() {
    float[] seven = MnistFixture.test().images()[0];
    EncodedImage png =
        EncodedImage.of(CanvasRenderer.png(CanvasRenderer.render(seven, Style.oldCanvas())));
    Recognition r = recognizer.recognizeAll(List.of(png), "cnn").get(0);
    assertEquals(7, r.prediction().digit());
    assertArrayEquals(Preprocessor.toMnist(png), r.input());
  }

  @Test
  void bothShareTheModelLookupAndAdmission() {
    List<float[]> two = List.of(new float[784], new float[784]);
    assertThrows(UnknownModelException.class, () -> recognizer.classify(two, "svm"));
    assertEquals("cnn", recognizer.modelName(" CNN "));
    assertEquals("ensemble", recognizer.modelName(null), "the default is the most accurate");
    assertThrows(UnknownModelException.class, () -> recognizer.modelName("svm"));
    assertThrows(BusyException.class, () -> started(1).classify(two, "ann"));
    assertThrows(
        IllegalArgumentException.class, () -> recognizer.classify(List.of(new float[783]), "ann"));
    assertEquals(2, recognizer.classify(two, "ann").size(), "admission released after a refusal");
  }

  @Test
  void notReadyRefusesBoth() {
    Recognizer loading = new Recognizer();
    loading.meters = RecognitionMeters.in(new SimpleMeterRegistry(), 0.5);
    assertThrows(NotReadyException.class, () -> loading.classify(List.of(new float[784]), "ann"));
    assertThrows(NotReadyException.class, () -> loading.modelName("ann"));
  }
}
