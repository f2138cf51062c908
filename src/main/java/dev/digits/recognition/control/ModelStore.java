package dev.digits.recognition.control;

import dev.digits.model.DigitClassifier;
import dev.digits.model.EnsembleClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.TemperatureScaled;
import dev.digits.model.cnn.CnnEngine;
import dev.digits.recognition.entity.ModelInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The loaded models by name (ann, cnn, ensemble), each with the facts of its model card. */
final class ModelStore implements AutoCloseable {
  private final Map<String, DigitClassifier> classifiers;
  private final List<ModelInfo> infos;
  private final DigitClassifier cnn;
  private final Map<String, Duration> loadTimes;

  private ModelStore(
      Map<String, DigitClassifier> classifiers,
      List<ModelInfo> infos,
      DigitClassifier cnn,
      Map<String, Duration> loadTimes) {
    this.classifiers = classifiers;
    this.infos = infos;
    this.cnn = cnn;
    this.loadTimes = loadTimes;
  }

  /** Loads both models and their cards, the CNN on the given engine. */
  static ModelStore load(ModelFiles.Source source, CnnEngine engine, CnnEngine.Options options) {
    long start = System.nanoTime();
    DigitClassifier ann = ModelFiles.ann(source);
    long annLoaded = System.nanoTime();
    DigitClassifier cnn = engine.load(source, options);
    Map<String, Duration> times =
        Map.of(
            "ann", Duration.ofNanos(annLoaded - start),
            "cnn", Duration.ofNanos(System.nanoTime() - annLoaded));
    try {
      Map<String, DigitClassifier> map = new LinkedHashMap<>();
      map.put("ann", ann);
      map.put("cnn", cnn);
      map.put("ensemble", new EnsembleClassifier(List.of(ann, cnn)));
      List<ModelInfo> cards = new ArrayList<>();
      for (String name : List.copyOf(map.keySet())) {
        ModelInfo card = ModelCatalog.read(source, name);
        cards.add(card);
        if (card.temperature() != null) {
          // The ensemble averages its members as trained, then takes its own temperature.
          map.put(name, new TemperatureScaled(map.get(name), card.temperature()));
        }
      }
      return new ModelStore(Map.copyOf(map), List.copyOf(cards), cnn, times);
    } catch (RuntimeException e) {
      CnnEngine.close(cnn);
      throw e;
    }
  }

  /** The classifier of that name, or null. */
  DigitClassifier get(String name) {
    return classifiers.get(name);
  }

  Set<String> names() {
    return classifiers.keySet();
  }

  List<ModelInfo> infos() {
    return infos;
  }

  /** How long each model that was loaded from files (ann, cnn) took to load. */
  Map<String, Duration> loadTimes() {
    return loadTimes;
  }

  @Override
  public void close() {
    CnnEngine.close(cnn);
  }
}
