package dev.digits.inference.control;

import dev.digits.model.DigitClassifier;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The model's output tensors, in the order an answer lists them when a request names none. */
public enum Output {
  /** The ten digits' probabilities, FP32 {@code [N,10]}. */
  PROBABILITIES("probabilities", Datatype.FP32, DigitClassifier.CLASSES),
  /** The likeliest digit, INT64 {@code [N]}. */
  DIGIT("digit", Datatype.INT64, 0),
  /** The likeliest digit's probability, FP32 {@code [N]}. */
  CONFIDENCE("confidence", Datatype.FP32, 0);

  private final String tensorName;
  private final Datatype datatype;
  private final int perImage;

  Output(String tensorName, Datatype datatype, int perImage) {
    this.tensorName = tensorName;
    this.datatype = datatype;
    this.perImage = perImage;
  }

  public String tensorName() {
    return tensorName;
  }

  public Datatype datatype() {
    return datatype;
  }

  /** The shape for a batch of {@code n}; -1 for the batch stands for any (model metadata). */
  public long[] shape(long n) {
    return perImage == 0 ? new long[] {n} : new long[] {n, perImage};
  }

  static Output named(String name) {
    for (Output o : values()) {
      if (o.tensorName.equals(name)) {
        return o;
      }
    }
    throw InferenceException.malformed(
        "unknown output '"
            + InferenceException.excerpt(name)
            + "': the model's outputs are "
            + Arrays.stream(values()).map(Output::tensorName).collect(Collectors.joining(", ")));
  }
}
