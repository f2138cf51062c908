package dev.digits.model.cnn;

import dev.digits.model.DigitClassifier;

/**
 * The trained DL4J network's inference in plain Java, for serving. DL4J's {@code output()} runs
 * this small network at about 400 images a second on one core whatever the batch (BENCHMARKS.md):
 * its convolution path spends most of its time moving data, and one network serves one call at a
 * time. Here each call computes on its own arrays, so request threads run it side by side, and zero
 * activations (most of a digit's background, half of what ReLU passes on) are skipped.
 *
 * <p>The weights are the network's own, read once from its file without ND4J ({@link SavedNetwork},
 * {@link NetworkWeights}), so serving never loads ND4J's native libraries; the arithmetic is that
 * of {@link CnnArchitecture}: valid 5x5 convolutions, batch norm with the running statistics, ReLU,
 * 2x2 max pooling, dense ReLU, softmax. Only the order of the sums differs from DL4J's, so
 * probabilities agree to float rounding; CnnForwardPassTest holds it to DL4J on the MNIST test set.
 */
public final class CnnForwardPass implements DigitClassifier {
  private static final int SIDE = DigitClassifier.SIDE;
  private static final int K = 5; // kernel side
  private static final int C1 = CnnArchitecture.CONV1_FILTERS;
  private static final int C2 = CnnArchitecture.CONV2_FILTERS;
  private static final int S1 = SIDE - K + 1; // 24: first convolution's output side
  private static final int P1 = S1 / 2; // 12
  private static final int S2 = P1 - K + 1; // 8
  private static final int P2 = S2 / 2; // 4
  private static final int FLAT = C2 * P2 * P2; // 1024, in DL4J's channel-major order

  // Weights as rows over output channels or units, so the innermost loops run over two arrays from
  // index 0, the form the JIT compiles to vector instructions (four times faster here).
  private final float[][] conv1; // [ky * 5 + kx][c1]
  private final float[] bias1;
  private final float[] scale1; // batch norm folded to y = x * scale + shift, per channel
  private final float[] shift1;
  private final float[][] conv2; // [(c1 * 5 + ky) * 5 + kx][c2]
  private final float[] bias2;
  private final float[] scale2;
  private final float[] shift2;
  private final float[][] dense; // [FLAT][units]
  private final float[] denseBias;
  private final float[][] out; // [units][10]
  private final float[] outBias;
  private final int units;
  private final long parameterCount;

  private CnnForwardPass(NetworkWeights w) {
    if (w.layerCount() != 10) {
      throw new IllegalArgumentException(
          "not the CnnArchitecture network: " + w.layerCount() + " layers");
    }
    conv1 = w.kernelRows(0, C1, 1, K);
    bias1 = w.bias(0, "ConvolutionLayer");
    float[][] bn1 = w.batchNorm(1, C1);
    scale1 = bn1[0];
    shift1 = bn1[1];
    w.activation(2, "ActivationReLU");
    w.maxPool(3);
    conv2 = w.kernelRows(4, C2, C1, K);
    bias2 = w.bias(4, "ConvolutionLayer");
    float[][] bn2 = w.batchNorm(5, C2);
    scale2 = bn2[0];
    shift2 = bn2[1];
    w.activation(6, "ActivationReLU");
    w.maxPool(7);
    dense = w.denseRows(8, FLAT);
    units = w.nOut(8);
    denseBias = w.bias(8, "DenseLayer");
    w.activation(8, "ActivationReLU");
    out = w.denseRows(9, units);
    outBias = w.bias(9, "OutputLayer");
    w.activation(9, "ActivationSoftmax");
    if (w.nOut(9) != CLASSES) {
      throw new IllegalArgumentException(
          "not the CnnArchitecture network: " + w.nOut(9) + " classes");
    }
    parameterCount = w.parameterCount();
  }

  /** The engine for a saved network built by {@link CnnArchitecture}; fails on any other shape. */
  public static CnnForwardPass of(SavedNetwork saved) {
    try {
      return new CnnForwardPass(NetworkWeights.of(saved));
    } catch (NullPointerException
        | ClassCastException e) { // JSON-P's answers to a missing or mistyped field
      throw new IllegalArgumentException(
          "not the CnnArchitecture network: unexpected configuration (" + e + ")", e);
    }
  }

  /**
   * What runs the convolutions' and dense layers' sums in this JVM: {@code VectorRowKernel} where
   * it was started with {@code --add-modules jdk.incubator.vector}, else {@code ScalarRowKernel};
   * same answers.
   */
  public static String rowKernel() {
    return WeightedRowSum.kernel();
  }

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public long parameterCount() {
    return parameterCount;
  }

  @Override
  public float[] probabilities(float[] image) {
    DigitClassifier.checkImage(image);
    float[][] a1 = convolveFirst(image);
    float[] p1 = normaliseReluPool(a1, S1, C1, scale1, shift1); // [c1][12][12]
    float[][] a2 = convolveSecond(p1);
    float[] p2 = normaliseReluPool(a2, S2, C2, scale2, shift2); // [c2][4][4]
    float[] hidden = affine(p2, dense, denseBias, units);
    for (int i = 0; i < units; i++) {
      hidden[i] = Math.max(hidden[i], 0f);
    }
    return softmax(affine(hidden, out, outBias, CLASSES));
  }

  /**
   * First convolution, [y * 24 + x][c1]: each ink pixel adds its weighted kernel to the outputs it
   * reaches.
   */
  private float[][] convolveFirst(float[] image) {
    float[][] acc = new float[S1 * S1][C1];
    for (int r = 0; r < SIDE; r++) {
      for (int s = 0; s < SIDE; s++) {
        float v = image[r * SIDE + s];
        if (v != 0f) {
          scatter(acc, v, r, s, S1, conv1);
        }
      }
    }
    addBias(acc, bias1);
    return acc;
  }

  /**
   * Second convolution over the pooled [c1][12][12] maps, into [y * 8 + x][c2]: for each output,
   * the nonzero inputs under the kernel in (c1, ky, kx) order. It runs one input channel at a time
   * over all 64 outputs, so that channel's 25 kernel rows (6 KB) are fetched once and then read
   * from the nearest cache 64 times: reading all 200 KB of them for every output was the
   * bottleneck. Each output still takes its terms in the same order.
   */
  private float[][] convolveSecond(float[] in) {
    float[][] acc = new float[S2 * S2][C2];
    WeightedRowSum sum = new WeightedRowSum(conv2);
    for (int c = 0; c < C1; c++) {
      for (int y = 0; y < S2; y++) {
        for (int x = 0; x < S2; x++) {
          for (int ky = 0; ky < K; ky++) {
            int rowStart = (c * P1 + y + ky) * P1 + x;
            for (int kx = 0; kx < K; kx++) {
              sum.addUnlessZero(in[rowStart + kx], (c * K + ky) * K + kx);
            }
          }
          sum.addTo(acc[y * S2 + x]);
        }
      }
    }
    addBias(acc, bias2);
    return acc;
  }

  /**
   * Adds v times kernel tap (ky, kx) to output (r - ky, s - kx), for every tap that lands inside.
   */
  private static void scatter(float[][] acc, float v, int r, int s, int outSide, float[][] w) {
    for (int ky = Math.max(0, r - outSide + 1); ky <= Math.min(K - 1, r); ky++) {
      for (int kx = Math.max(0, s - outSide + 1); kx <= Math.min(K - 1, s); kx++) {
        ScalarRowKernel.addOne(acc[(r - ky) * outSide + (s - kx)], v, w[ky * K + kx]);
      }
    }
  }

  private static void addBias(float[][] acc, float[] bias) {
    for (float[] row : acc) {
      for (int c = 0; c < row.length; c++) {
        row[c] += bias[c];
      }
    }
  }

  /** Batch norm, ReLU and 2x2 max pooling of [y * side + x][c] maps, into [c][y/2][x/2]. */
  private static float[] normaliseReluPool(
      float[][] a, int side, int channels, float[] scale, float[] shift) {
    int half = side / 2;
    float[] pooled = new float[channels * half * half];
    for (int y = 0; y < half; y++) {
      for (int x = 0; x < half; x++) {
        for (int c = 0; c < channels; c++) {
          float m = 0f; // ReLU: nothing below zero
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              m = Math.max(m, a[(2 * y + dy) * side + 2 * x + dx][c] * scale[c] + shift[c]);
            }
          }
          pooled[(c * half + y) * half + x] = m;
        }
      }
    }
    return pooled;
  }

  /** in x W + b with W as [in][out], skipping zero inputs. */
  private static float[] affine(float[] in, float[][] w, float[] bias, int outputs) {
    float[] acc = new float[outputs];
    WeightedRowSum sum = new WeightedRowSum(w);
    for (int i = 0; i < in.length; i++) {
      sum.addUnlessZero(in[i], i);
    }
    sum.addTo(acc);
    for (int o = 0; o < outputs; o++) {
      acc[o] += bias[o];
    }
    return acc;
  }

  private static float[] softmax(float[] z) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    float[] p = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = (float) Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] = (float) (p[i] / sum);
    }
    return p;
  }
}
