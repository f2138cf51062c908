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

/**
 * The loaded models by name (ann, cnn, ensemble), each with the facts of its model card. The
 * ensemble averages the CNN committee ({@link ModelFiles#CNN_COMMITTEE}).
 */
final class ModelStore implements AutoCloseable {
  private final Map<String, DigitClassifier> classifiers;
  private final List<ModelInfo> infos;
  private final List<DigitClassifier> cnns;
  private final Map<String, Duration> loadTimes;

  private ModelStore(
      Map<String, DigitClassifier> classifiers,
      List<ModelInfo> infos,
      List<DigitClassifier> cnns,
      Map<String, Duration> loadTimes) {
    this.classifiers = classifiers;
    this.infos = infos;
    this.cnns = cnns;
    this.loadTimes = loadTimes;
  }

  /** Loads the models and their cards, the CNNs on the given engine. */
  static ModelStore load(ModelFiles.Source source, CnnEngine engine, CnnEngine.Options options) {
    long start = System.nanoTime();
    DigitClassifier ann = ModelFiles.ann(source);
    long annLoaded = System.nanoTime();
    List<DigitClassifier> cnns = new ArrayList<>();
    try {
      for (String file : ModelFiles.CNN_COMMITTEE) {
        cnns.add(engine.load(source, file, options));
      }
      Map<String, Duration> times =
          Map.of(
              "ann", Duration.ofNanos(annLoaded - start),
              "cnn", Duration.ofNanos(System.nanoTime() - annLoaded));
      Map<String, DigitClassifier> map = new LinkedHashMap<>();
      map.put("ann", ann);
      map.put("cnn", cnns.get(0));
      map.put("ensemble", EnsembleClassifier.of(cnns));
      List<ModelInfo> cards = new ArrayList<>();
      for (String name : List.copyOf(map.keySet())) {
        ModelInfo card = ModelCatalog.read(source, name);
        cards.add(card);
        if (card.temperature() != null) {
          // The ensemble averages its members as trained, then takes its own temperature.
          map.put(name, new TemperatureScaled(map.get(name), card.temperature()));
        }
      }
      return new ModelStore(Map.copyOf(map), List.copyOf(cards), List.copyOf(cnns), times);
    } catch (RuntimeException | Error e) {
      cnns.forEach(CnnEngine::close);
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

  /** How long the models took to load from files: the ANN, and the CNN committee together. */
  Map<String, Duration> loadTimes() {
    return loadTimes;
  }

  @Override
  public void close() {
    cnns.forEach(CnnEngine::close);
  }
}
