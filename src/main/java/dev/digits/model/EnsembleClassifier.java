package dev.digits.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A committee of classifiers; itself a classifier. The served one is a cascade: its first member
 * answers alone when it is sure, and the committee's mean answers the rest. Averaging three CNNs
 * for every picture cost three forward passes where one was enough for almost every digit: on the
 * MNIST test set as served the first CNN is sure of 96 % of the digits, and the cascade reads
 * exactly as many as the mean of all three ({@code dev.digits.benchmark.CascadeThreshold}).
 */
public final class EnsembleClassifier implements DigitClassifier {
  /**
   * The first member's probability at or above which it answers alone: the lowest of 0.9, 0.99,
   * 0.995, 0.999 with which the cascade reads as many of the held-out training digits (the last
   * 10,000, distorted as in training, as for calibration) as the full mean does.
   */
  public static final float SURE = 0.99f;

  private final List<DigitClassifier> members;
  private final float sure;

  private EnsembleClassifier(List<? extends DigitClassifier> members, float sure) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    this.members = List.copyOf(members);
    this.sure = sure;
  }

  /** What the served ensemble averages, for its card. */
  public static final String FILES = String.join(" + ", ModelFiles.CNN_COMMITTEE);

  public static final String ARCHITECTURE =
      "the first CNN of the committee where its probability is at least "
          + SURE
          + ", else the mean of the probabilities of all its members";

  /**
   * The served ensemble: the CNN committee as a cascade. The ANN is left out: with the three
   * shallow CNNs it read 99.51 % of the MNIST test digits, without it 99.60 % (session 19).
   */
  public static EnsembleClassifier of(List<? extends DigitClassifier> cnnCommittee) {
    return new EnsembleClassifier(cnnCommittee, SURE);
  }

  /** The mean of every member's probabilities for every picture, to compare committees. */
  public static EnsembleClassifier mean(List<? extends DigitClassifier> members) {
    return new EnsembleClassifier(members, Float.POSITIVE_INFINITY);
  }

  @Override
  public String name() {
    return "ensemble";
  }

  @Override
  public long parameterCount() {
    return members.stream().mapToLong(DigitClassifier::parameterCount).sum();
  }

  @Override
  public float[] probabilities(float[] image) {
    return probabilities(new float[][] {image})[0];
  }

  @Override
  public float[][] probabilities(float[][] images) {
    float[][] first = members.get(0).probabilities(images);
    List<Integer> unsure = new ArrayList<>();
    for (int i = 0; i < images.length; i++) {
      if (first[i][Prediction.argmax(first[i])] < sure) {
        unsure.add(i);
      }
    }
    if (unsure.isEmpty() || members.size() == 1) {
      return first;
    }
    float[][] asked = new float[unsure.size()][];
    for (int j = 0; j < asked.length; j++) {
      asked[j] = images[unsure.get(j)];
    }
    float[][] mean = new float[asked.length][CLASSES];
    for (int j = 0; j < asked.length; j++) {
      add(mean[j], first[unsure.get(j)]);
    }
    for (DigitClassifier member : members.subList(1, members.size())) {
      float[][] p = member.probabilities(asked);
      for (int j = 0; j < asked.length; j++) {
        add(mean[j], p[j]);
      }
    }
    for (int j = 0; j < asked.length; j++) {
      first[unsure.get(j)] = mean[j];
    }
    return first;
  }

  /** Adds a member's share of the mean. */
  private void add(float[] mean, float[] p) {
    for (int k = 0; k < CLASSES; k++) {
      mean[k] += p[k] / members.size();
    }
  }
}
