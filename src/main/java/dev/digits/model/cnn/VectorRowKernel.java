package dev.digits.model.cnn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The accumulator held in vector registers, four vectors (64 floats with AVX-512) at a time, while
 * every term is added to it: one load of each weight and no load or store of the accumulator per
 * term, which the JIT's own vectorisation of a loop cannot do. Each lane multiplies and then adds,
 * rounding both (no fused multiply-add), in the terms' order: the same bits as {@link
 * ScalarRowKernel}.
 *
 * <p>The only class that uses the incubating {@code jdk.incubator.vector} module; {@link
 * RowKernel#fastest} loads it only where the JVM has that module.
 */
final class VectorRowKernel implements RowKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();

  @Override
  public void add(float[] acc, float[] weights, float[] values, int[] offsets, int count) {
    int b = 0;
    for (; b + 4 * L <= acc.length; b += 4 * L) {
      FloatVector a0 = FloatVector.fromArray(SPECIES, acc, b);
      FloatVector a1 = FloatVector.fromArray(SPECIES, acc, b + L);
      FloatVector a2 = FloatVector.fromArray(SPECIES, acc, b + 2 * L);
      FloatVector a3 = FloatVector.fromArray(SPECIES, acc, b + 3 * L);
      for (int t = 0; t < count; t++) {
        float v = values[t];
        int o = offsets[t] + b;
        a0 = a0.add(FloatVector.fromArray(SPECIES, weights, o).mul(v));
        a1 = a1.add(FloatVector.fromArray(SPECIES, weights, o + L).mul(v));
        a2 = a2.add(FloatVector.fromArray(SPECIES, weights, o + 2 * L).mul(v));
        a3 = a3.add(FloatVector.fromArray(SPECIES, weights, o + 3 * L).mul(v));
      }
      a0.intoArray(acc, b);
      a1.intoArray(acc, b + L);
      a2.intoArray(acc, b + 2 * L);
      a3.intoArray(acc, b + 3 * L);
    }
    for (; b + L <= acc.length; b += L) {
      FloatVector a = FloatVector.fromArray(SPECIES, acc, b);
      for (int t = 0; t < count; t++) {
        a = a.add(FloatVector.fromArray(SPECIES, weights, offsets[t] + b).mul(values[t]));
      }
      a.intoArray(acc, b);
    }
    for (; b < acc.length; b++) {
      float a = acc[b];
      for (int t = 0; t < count; t++) {
        a += values[t] * weights[offsets[t] + b];
      }
      acc[b] = a;
    }
  }
}
