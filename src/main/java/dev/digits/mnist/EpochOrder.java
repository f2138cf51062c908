package dev.digits.mnist;

import java.util.Random;

/**
 * The order and the distortions of each training epoch, derived from the seed alone: a run is
 * reproducible, and a resumed run sees what an uninterrupted one would have.
 */
public final class EpochOrder {
  private EpochOrder() {}

  /** A permutation of 0..size-1 for this epoch (Fisher-Yates). */
  public static int[] shuffled(int size, long seed, int epoch) {
    Random random = new Random(seed * 1_000_003L + epoch);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * The random source for one example's distortion: the same whichever thread or batch draws it.
   */
  public static Random forExample(long seed, int epoch, int index) {
    return new Random(seed ^ (epoch * 0x9E3779B97F4A7C15L) ^ index);
  }
}
