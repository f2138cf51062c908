package dev.digits.model.cnn;

import dev.digits.model.DigitClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained DL4J network's inference in plain Java, for serving. DL4J's {@code output()} runs
 * this small network at about 400 images a second on one core whatever the batch (BENCHMARKS.md):
 * its convolution path spends most of its time moving data, and one network serves one call at a
 * time. Here each call computes on its own arrays, so request threads run it side by side, and zero
 * activations (most of a digit's background, half of what ReLU passes on) are skipped.
 *
 * <p>The weights are the network's own, read once from its file without ND4J ({@link SavedNetwork},
 * {@link NetworkWeights}), so serving never loads ND4J's native libraries; the arithmetic is that
 * of {@link CnnArchitecture}, either shape: valid convolutions, batch norm with the running
 * statistics, ReLU, 2x2 max pooling, dense ReLU, softmax. Only the order of the sums differs from
 * DL4J's, so probabilities agree to float rounding; CnnForwardPassTest holds it to DL4J on the
 * MNIST test set.
 */
public final class CnnForwardPass implements DigitClassifier {
  private static final int SIDE = DigitClassifier.SIDE;

  // Weights as rows over output channels or units, so the innermost loops run along a row and the
  // accumulator together, the form the JIT compiles to vector instructions (four times faster
  // here).
  private final int k1; // first kernel's side
  private final int c1; // first convolution's channels
  private final int s1; // its output side
  private final float[][] conv1; // [ky * k1 + kx][c1]
  private final float[] bias1;
  private final float[] scale1; // batch norm folded to y = x * scale + shift, per channel
  private final float[] shift1;
  private final List<MapConvolution> stages; // the convolutions after the first pool
  private final float[] dense; // [flattened maps][units] end to end, in DL4J's channel-major order
  private final float[] denseBias;
  private final float[] out; // [units][10] end to end
  private final float[] outBias;
  private final int units;
  private final long parameterCount;

  private CnnForwardPass(NetworkWeights w) {
    k1 = w.kernelSide(0);
    c1 = w.nOut(0);
    s1 = SIDE - k1 + 1;
    conv1 = w.kernelRows(0, c1, 1, k1);
    bias1 = w.bias(0, "ConvolutionLayer");
    float[][] bn1 = w.batchNorm(1, c1);
    scale1 = bn1[0];
    shift1 = bn1[1];
    w.activation(2, "ActivationReLU");
    w.maxPool(3);
    int layer = 4;
    int channels = c1;
    int side = s1 / 2;
    List<MapConvolution> convolutions = new ArrayList<>();
    while (w.is(layer, "ConvolutionLayer")) {
      MapConvolution stage = MapConvolution.at(w, layer, channels, side);
      convolutions.add(stage);
      layer += stage.layers();
      channels = stage.outChannels();
      side = stage.side();
    }
    stages = List.copyOf(convolutions);
    dense = WeightedRowSum.endToEnd(w.denseRows(layer, channels * side * side));
    units = w.nOut(layer);
    denseBias = w.bias(layer, "DenseLayer");
    w.activation(layer, "ActivationReLU");
    out = WeightedRowSum.endToEnd(w.denseRows(layer + 1, units));
    outBias = w.bias(layer + 1, "OutputLayer");
    w.activation(layer + 1, "ActivationSoftmax");
    if (w.nOut(layer + 1) != CLASSES || w.layerCount() != layer + 2) {
      throw NetworkWeights.refused(w.nOut(layer + 1) + " classes in " + w.layerCount() + " layers");
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
    float[] maps = normaliseReluPool(convolveFirst(image), s1, c1, scale1, shift1); // [c1][12][12]
    for (MapConvolution stage : stages) {
      maps = stage.apply(maps);
    }
    float[] hidden = affine(maps, dense, denseBias, units);
    for (int i = 0; i < units; i++) {
      hidden[i] = Math.max(hidden[i], 0f);
    }
    return softmax(affine(hidden, out, outBias, CLASSES));
  }

  /**
   * First convolution, [y * s1 + x][c1]: each ink pixel adds its weighted kernel to the outputs it
   * reaches.
   */
  private float[][] convolveFirst(float[] image) {
    float[][] acc = new float[s1 * s1][c1];
    for (int r = 0; r < SIDE; r++) {
      for (int s = 0; s < SIDE; s++) {
        float v = image[r * SIDE + s];
        if (v != 0f) {
          scatter(acc, v, r, s);
        }
      }
    }
    addBias(acc, bias1);
    return acc;
  }

  /**
   * Adds v times kernel tap (ky, kx) to output (r - ky, s - kx), for every tap that lands inside.
   */
  private void scatter(float[][] acc, float v, int r, int s) {
    for (int ky = Math.max(0, r - s1 + 1); ky <= Math.min(k1 - 1, r); ky++) {
      for (int kx = Math.max(0, s - s1 + 1); kx <= Math.min(k1 - 1, s); kx++) {
        ScalarRowKernel.addOne(acc[(r - ky) * s1 + (s - kx)], v, conv1[ky * k1 + kx]);
      }
    }
  }

  static void addBias(float[][] acc, float[] bias) {
    for (float[] row : acc) {
      for (int c = 0; c < row.length; c++) {
        row[c] += bias[c];
      }
    }
  }

  /** Batch norm, ReLU and 2x2 max pooling of [y * side + x][c] maps, into [c][y/2][x/2]. */
  static float[] normaliseReluPool(
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

  /** in x W + b with W as [in][out] end to end, skipping zero inputs. */
  private static float[] affine(float[] in, float[] w, float[] bias, int outputs) {
    float[] acc = new float[outputs];
    WeightedRowSum sum = new WeightedRowSum(w, outputs);
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
