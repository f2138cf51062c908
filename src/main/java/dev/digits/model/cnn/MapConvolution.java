package dev.digits.model.cnn;

/**
 * One convolution stage after the first: a valid, stride-1 convolution over channel-major maps
 * [c][y][x], batch norm with the running statistics, ReLU, and where the network pools, 2x2 max
 * pooling; out come channel-major maps again, for the next stage or the dense layer.
 */
final class MapConvolution {
  /**
   * About how many terms one accumulator row takes before it is written back: the channels of a
   * group are summed together. One channel of a 3x3 kernel gives at most 9 terms, so the
   * accumulator's load and store outweighed them; 72 (eight channels of 3x3, two of 5x5) ran the
   * deep network 25-35 % faster and the shallow one no slower, while a group's kernel rows (18 KiB)
   * still sit in the nearest cache (BENCHMARKS.md, The deeper CNN).
   */
  private static final int TERMS_PER_SUM = 72;

  private final int kernel;
  private final int inChannels;
  private final int inSide;
  private final int outChannels;
  private final int outSide;
  private final boolean pooled;
  private final float[] rows; // [(c * kernel + ky) * kernel + kx][out channel], end to end
  private final float[] bias;
  private final float[] scale; // batch norm folded to y = x * scale + shift, per channel
  private final float[] shift;

  private MapConvolution(
      NetworkWeights w, int layer, int inChannels, int inSide, int kernel, boolean pooled) {
    this.kernel = kernel;
    this.inChannels = inChannels;
    this.inSide = inSide;
    this.outChannels = w.nOut(layer);
    this.outSide = inSide - kernel + 1;
    this.pooled = pooled;
    rows = WeightedRowSum.endToEnd(w.kernelRows(layer, outChannels, inChannels, kernel));
    bias = w.bias(layer, "ConvolutionLayer");
    float[][] bn = w.batchNorm(layer + 1, outChannels);
    scale = bn[0];
    shift = bn[1];
    w.activation(layer + 2, "ActivationReLU");
    if (pooled) {
      w.maxPool(layer + 3);
    }
  }

  /**
   * The stage whose convolution is layer {@code layer} of the network, taking {@code inChannels}
   * maps of {@code inSide} square; it is followed by batch norm and ReLU, and by a pool where the
   * layer after those is one.
   */
  static MapConvolution at(NetworkWeights w, int layer, int inChannels, int inSide) {
    int kernel = w.kernelSide(layer);
    if (kernel > inSide) {
      throw NetworkWeights.refused(
          "layer "
              + layer
              + "'s "
              + kernel
              + "x"
              + kernel
              + " kernel exceeds its "
              + inSide
              + " maps");
    }
    return new MapConvolution(w, layer, inChannels, inSide, kernel, w.isMaxPool(layer + 3));
  }

  /** How many of the network's layers this stage computes. */
  int layers() {
    return pooled ? 4 : 3;
  }

  int outChannels() {
    return outChannels;
  }

  /** The side of the maps this stage gives. */
  int side() {
    return pooled ? outSide / 2 : outSide;
  }

  /** [inChannels][inSide][inSide] in, [outChannels][side()][side()] out. */
  float[] apply(float[] in) {
    float[][] a = convolve(in);
    return pooled
        ? CnnForwardPass.normaliseReluPool(a, outSide, outChannels, scale, shift)
        : normaliseRelu(a);
  }

  /**
   * The convolution into [y * outSide + x][out]: for each output, the nonzero inputs under the
   * kernel in (c, ky, kx) order. It runs a group of input channels at a time over all outputs, so
   * that group's kernel rows are fetched once and then read from the nearest cache for every
   * output: reading all of them for every output was the bottleneck. Each output still takes its
   * terms in the same order.
   */
  private float[][] convolve(float[] in) {
    // Sizes in locals: HotSpot reloads a final field after every array store in the loop.
    final int k = kernel;
    final int side = inSide;
    final int out = outSide;
    float[][] acc = new float[out * out][outChannels];
    WeightedRowSum sum = new WeightedRowSum(rows, outChannels);
    final int group = Math.max(1, TERMS_PER_SUM / (k * k)); // channels summed together
    for (int c0 = 0; c0 < inChannels; c0 += group) {
      final int cEnd = Math.min(inChannels, c0 + group);
      for (int y = 0; y < out; y++) {
        for (int x = 0; x < out; x++) {
          for (int c = c0; c < cEnd; c++) {
            for (int ky = 0; ky < k; ky++) {
              int rowStart = (c * side + y + ky) * side + x;
              int row = (c * k + ky) * k;
              for (int kx = 0; kx < k; kx++) {
                sum.addUnlessZero(in[rowStart + kx], row + kx);
              }
            }
          }
          sum.addTo(acc[y * out + x]);
        }
      }
    }
    CnnForwardPass.addBias(acc, bias);
    return acc;
  }

  /** Batch norm and ReLU of [y * outSide + x][c] maps, into [c][y][x]. */
  private float[] normaliseRelu(float[][] a) {
    float[] out = new float[outChannels * outSide * outSide];
    for (int p = 0; p < a.length; p++) {
      for (int c = 0; c < outChannels; c++) {
        out[c * a.length + p] = Math.max(0f, a[p][c] * scale[c] + shift[c]);
      }
    }
    return out;
  }
}
