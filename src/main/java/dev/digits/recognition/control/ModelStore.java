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
  private final BatchingClassifier batchedCnn;

  private ModelStore(Map<String, DigitClassifier> classifiers, List<ModelInfo> infos, BatchingClassifier batchedCnn) {
    this.classifiers = classifiers;
    this.infos = infos;
    this.batchedCnn = batchedCnn;
  }

  /** Loads both models and their cards; the CNN is put behind dynamic batching. */
  static ModelStore load(ModelFiles.Source source, int maxBatch, ThreadFactory threads) {
    DigitClassifier ann = ModelFiles.ann(source);
    BatchingClassifier cnn = new BatchingClassifier(ModelFiles.cnn(source), maxBatch, threads);
    try {
      cnn.probabilities(new float[DigitClassifier.PIXELS]); // ND4J initialises lazily: pay for it now, not on the first request
      Map<String, DigitClassifier> map = new LinkedHashMap<>();
      map.put("ann", ann);
      map.put("cnn", cnn);
      map.put("ensemble", new EnsembleClassifier(List.of(ann, cnn)));
      List<ModelInfo> cards = new ArrayList<>();
      for (String name : map.keySet()) {
        cards.add(ModelCatalog.read(source, name));
      }
      return new ModelStore(Map.copyOf(map), List.copyOf(cards), cnn);
    } catch (RuntimeException e) {
      cnn.close();
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
    batchedCnn.close();
  }
}
