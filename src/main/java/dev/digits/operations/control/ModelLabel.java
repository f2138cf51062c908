package dev.digits.operations.control;

import dev.digits.recognition.control.Recognizer;
import java.util.Locale;

/** The model label of a request's metrics: one of the models, or unknown for any other name. */
public enum ModelLabel {
  ANN,
  CNN,
  ENSEMBLE,
  UNKNOWN;

  /** What a prediction that names no model gets. */
  public static final ModelLabel DEFAULT =
      valueOf(Recognizer.DEFAULT_MODEL.toUpperCase(Locale.ROOT));

  /** What a number read that names no model gets. */
  public static final ModelLabel READ_DEFAULT =
      valueOf(Recognizer.READ_DEFAULT_MODEL.toUpperCase(Locale.ROOT));

  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }

  /** The model named by {@code text[start, end)}, ignoring case; blank names the default. */
  static ModelLabel of(String text, int start, int end, ModelLabel defaultModel) {
    int length = end - start;
    if (length == 0) {
      return defaultModel;
    }
    for (ModelLabel m : values()) {
      if (m != UNKNOWN
          && m.label.length() == length
          && text.regionMatches(true, start, m.label, 0, length)) {
        return m;
      }
    }
    return UNKNOWN;
  }

  /** The label of a classifier's name (ann, cnn, ensemble). */
  public static ModelLabel named(String model) {
    return of(model, 0, model.length(), DEFAULT);
  }
}
