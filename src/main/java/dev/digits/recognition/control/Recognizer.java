package dev.digits.recognition.control;

import dev.digits.image.EncodedImage;
import dev.digits.image.PictureInk;
import dev.digits.image.Preprocessor;
import dev.digits.image.RejectedImageException;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import dev.digits.model.cnn.CnnEngine;
import dev.digits.operations.control.RecognitionMeters;
import dev.digits.reading.NumberReader;
import dev.digits.reading.NumberReading;
import dev.digits.recognition.entity.ModelInfo;
import dev.digits.recognition.entity.NumberRecognition;
import dev.digits.recognition.entity.Recognition;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one classifier bean the resources call: loads the models at startup, turns image bytes into
 * predictions, and admits a bounded number of recognitions at once so overload gets a quick 503
 * instead of an ever longer queue.
 */
@ApplicationScoped
public class Recognizer {
  private static final Logger LOG = Logger.getLogger(Recognizer.class.getName());

  /**
   * The model a prediction that names none gets: the most accurate one that serves at least 1,000
   * req/s at 8 clients on two cores (BENCHMARKS.md, The ensemble as a cascade).
   */
  public static final String DEFAULT_MODEL = "ensemble";

  /**
   * The model a number is read with when the request names none: the CNN. The ensemble reads
   * numbers no better, and a reading asks about many doubtful pieces, for which the cascade runs
   * all three networks: it reads about a fifth fewer numbers a second (README, Whole numbers).
   */
  public static final String READ_DEFAULT_MODEL = "cnn";

  /** A folder with ann.bin, cnn.zip and their cards; unset means the models packed in the WAR. */
  @Inject
  @ConfigProperty(name = "digits.models.dir")
  Optional<String> modelsDir;

  /** How many images may be in recognition at once before requests are turned away with 503. */
  @Inject
  @ConfigProperty(name = "digits.max-in-flight", defaultValue = "64")
  int maxInFlight;

  /** Images the CNN classifies in one call at most when requests queue up. */
  @Inject
  @ConfigProperty(name = "digits.cnn.max-batch", defaultValue = "64")
  int maxBatch;

  /**
   * What runs the CNN: java (its forward pass in plain Java) or dl4j (DL4J's inference, batched).
   */
  @Inject
  @ConfigProperty(name = "digits.cnn.engine", defaultValue = "java")
  String cnnEngine;

  /**
   * Threads ND4J may use for one operation (the dl4j engine); 0 keeps its default (one per core).
   */
  @Inject
  @ConfigProperty(name = "digits.nd4j.threads", defaultValue = "1")
  int nd4jThreads;

  @Resource ManagedThreadFactory threads;

  @Inject RecognitionMeters meters;

  private volatile ModelStore store;
  private volatile ModelState state = ModelState.LOADING;
  private Semaphore admission;
  private final LibraryThreads libraryThreads =
      new LibraryThreads(Recognizer.class.getClassLoader());

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    load();
  }

  synchronized void load() {
    admission = new Semaphore(maxInFlight);
    Semaphore images = admission;
    meters.imagesInFlight(() -> maxInFlight - images.availablePermits());
    ModelFiles.Source source =
        modelsDir
            .filter(s -> !s.isBlank())
            .map(dir -> ModelFiles.directory(Path.of(dir)))
            .orElse(ModelFiles.classpath(Recognizer.class.getClassLoader(), "models"));
    long start = System.nanoTime();
    try {
      var options =
          new CnnEngine.Options(maxBatch, nd4jThreads, threads, Recognizer.class.getClassLoader());
      store = ModelStore.load(source, CnnEngine.named(cnnEngine), options);
      store.loadTimes().forEach(meters::loaded);
      for (ModelInfo card : store.infos()) {
        if (card.lowConfidenceBelow() != null) {
          meters.lowConfidenceBelow(card.name(), card.lowConfidenceBelow());
        }
      }
      state = ModelState.READY;
      LOG.info(
          () ->
              String.format(
                  "models loaded from %s in %.1f s",
                  source.describe(""), (System.nanoTime() - start) / 1e9));
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: ND4J's native libraries failing to load surface as class initialisation
      // errors. The app still deploys, reports not ready with the reason, and serves its pages.
      state =
          ModelState.failed(
              "models failed to load: "
                  + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
      LOG.log(Level.SEVERE, state.reason(), e);
    }
  }

  public ModelState state() {
    return state;
  }

  public List<ModelInfo> models() {
    return state.isReady() ? store.infos() : List.of();
  }

  public Recognition recognize(EncodedImage image, String model) {
    return recognizeAll(List.of(image), model).get(0);
  }

  /** Several images with one model call, in order. */
  public List<Recognition> recognizeAll(List<EncodedImage> images, String model) {
    return classified(model, images.size(), i -> preprocess(images.get(i), i, images.size()));
  }

  /**
   * Images already in MNIST's convention (784 values in 0..1, ink high), classified as they are: no
   * decoding or framing, for clients that send the model's own input tensor.
   */
  public List<Recognition> classify(List<float[]> mnistImages, String model) {
    return classified(model, mnistImages.size(), i -> mnistImage(mnistImages.get(i)));
  }

  /**
   * The row of digits in one picture, read by the given model; boxes in the picture's own pixels.
   */
  public NumberRecognition read(EncodedImage image, String model) {
    return readAll(List.of(image), model).get(0);
  }

  /** Several pictures, each read as a number, in order. */
  public List<NumberRecognition> readAll(List<EncodedImage> images, String model) {
    DigitClassifier classifier = classifier(model, READ_DEFAULT_MODEL);
    NumberReader reader = new NumberReader(classifier);
    return admitted(
        images.size(),
        () -> {
          List<NumberRecognition> out = new ArrayList<>(images.size());
          for (int i = 0; i < images.size(); i++) {
            NumberReading reading = read(reader, images.get(i), i, images.size());
            reading.digits().forEach(d -> meters.predicted(classifier.name(), d.prediction()));
            out.add(new NumberRecognition(classifier.name(), reading));
          }
          meters.batch(classifier.name(), images.size());
          return out;
        });
  }

  /** The canonical name of the model a request names (the default where it names none). */
  public String modelName(String model) {
    return classifier(model, DEFAULT_MODEL).name();
  }

  /**
   * Runs {@code count} inputs through the named model in one call, within the admission limit; the
   * inputs are made (preprocessed) only once admitted.
   */
  private List<Recognition> classified(String model, int count, IntFunction<float[]> input) {
    DigitClassifier classifier = classifier(model, DEFAULT_MODEL);
    return admitted(
        count,
        () -> {
          float[][] inputs = new float[count][];
          for (int i = 0; i < count; i++) {
            inputs[i] = input.apply(i);
          }
          float[][] probabilities = classifier.probabilities(inputs);
          List<Recognition> out = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            Prediction p = Prediction.of(probabilities[i]);
            meters.predicted(classifier.name(), p);
            out.add(new Recognition(classifier.name(), p, inputs[i]));
          }
          meters.batch(classifier.name(), count);
          return out;
        });
  }

  /** Does {@code work} for {@code count} images if that many are admitted now; else 503 at once. */
  private <T> T admitted(int count, Supplier<T> work) {
    if (!admission.tryAcquire(count)) {
      meters.busy();
      throw new BusyException("the service is busy: retry in a moment");
    }
    try {
      return work.get();
    } finally {
      admission.release(count);
    }
  }

  private static float[] mnistImage(float[] image) {
    DigitClassifier.checkImage(image);
    return image;
  }

  private static NumberReading read(NumberReader reader, EncodedImage image, int index, int count) {
    try {
      PictureInk picture = PictureInk.of(image);
      return reader.read(picture.ink()).scaled(picture.scale());
    } catch (RejectedImageException e) {
      throw numbered(e, index, count);
    }
  }

  private static float[] preprocess(EncodedImage image, int index, int count) {
    try {
      return Preprocessor.toMnist(image);
    } catch (RejectedImageException e) {
      throw numbered(e, index, count);
    }
  }

  /** In a batch, the error names the image it is about. */
  private static RejectedImageException numbered(RejectedImageException e, int index, int count) {
    return count == 1
        ? e
        : new RejectedImageException(e.reason(), "image " + index + ": " + e.getMessage());
  }

  private DigitClassifier classifier(String model, String defaultModel) {
    if (!state.isReady()) {
      meters.notReady();
      throw new NotReadyException(state.reason());
    }
    String name =
        model == null || model.isBlank() ? defaultModel : model.strip().toLowerCase(Locale.ROOT);
    DigitClassifier c = store.get(name);
    if (c == null) {
      throw new UnknownModelException(name, store.names());
    }
    return c;
  }

  @PreDestroy
  void close() {
    if (store != null) {
      store.close();
    }
    List<String> stopped = libraryThreads.stop(Duration.ofSeconds(2));
    if (!stopped.isEmpty()) {
      LOG.info("stopped the libraries' threads: " + String.join(", ", stopped));
    }
  }
}
