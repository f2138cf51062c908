package dev.digits.recognition.control;

import dev.digits.model.BatchingClassifier;
import dev.digits.model.DigitClassifier;
import dev.digits.model.EnsembleClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.recognition.entity.ModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/** The loaded models by name (ann, cnn, ensemble), each with the facts of its model card. */
final class ModelStore implements AutoCloseable {
  private final Map<String, DigitClassifier> classifiers;
  private final List<ModelInfo> infos;
  private final Runnable stop;

  private ModelStore(Map<String, DigitClassifier> classifiers, List<ModelInfo> infos, Runnable stop) {
    this.classifiers = classifiers;
    this.infos = infos;
    this.stop = stop;
  }

  /**
   * Loads both models and their cards. The CNN runs on the given engine: {@code java}, the trained
   * network's forward pass in plain Java, or {@code dl4j}, DL4J's own inference behind dynamic
   * batching (about a third of the speed here, BENCHMARKS.md).
   */
  static ModelStore load(ModelFiles.Source source, String engine, int maxBatch, ThreadFactory threads) {
    DigitClassifier ann = ModelFiles.ann(source);
    DigitClassifier cnn = switch (engine) {
      case "java" -> ModelFiles.cnnForwardPass(source); // no ND4J: its native libraries never load
      case "dl4j" -> new BatchingClassifier(ModelFiles.cnn(source), maxBatch, threads);
      default -> throw new IllegalArgumentException("digits.cnn.engine is java or dl4j, not " + engine);
    };
    Runnable stop = cnn instanceof BatchingClassifier batching ? batching::close : () -> {};
    try {
      cnn.probabilities(new float[DigitClassifier.PIXELS]); // the first call pays for lazy initialisation, not a request
      Map<String, DigitClassifier> map = new LinkedHashMap<>();
      map.put("ann", ann);
      map.put("cnn", cnn);
      map.put("ensemble", new EnsembleClassifier(List.of(ann, cnn)));
      List<ModelInfo> cards = new ArrayList<>();
      for (String name : map.keySet()) {
        cards.add(ModelCatalog.read(source, name));
      }
      return new ModelStore(Map.copyOf(map), List.copyOf(cards), stop);
    } catch (RuntimeException e) {
      stop.run();
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

  @Override
  public void close() {
    stop.run();
  }
}
