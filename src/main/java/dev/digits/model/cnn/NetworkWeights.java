package dev.digits.model.cnn;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads a trained DL4J network's parameters into the plain arrays {@link CnnForwardPass} computes with. */
final class NetworkWeights {
  private NetworkWeights() {}

  static INDArray param(MultiLayerNetwork net, String key) {
    INDArray p = net.paramTable().get(key);
    if (p == null) {
      throw new IllegalArgumentException("not the CnnArchitecture network: no parameter " + key);
    }
    return p;
  }

  /** DL4J's [out][in][ky][kx] kernels as rows [(in * side + ky) * side + kx][out]. */
  static float[][] kernelRows(INDArray w, int outs, int ins, int side) {
    if (w.size(0) != outs || w.size(1) != ins) {
      throw new IllegalArgumentException("not the CnnArchitecture network: kernels " + w.shapeInfoToString());
    }
    float[][] r = new float[ins * side * side][outs];
    for (int o = 0; o < outs; o++) {
      for (int i = 0; i < ins; i++) {
        for (int ky = 0; ky < side; ky++) {
          for (int kx = 0; kx < side; kx++) {
            r[(i * side + ky) * side + kx][o] = w.getFloat(o, i, ky, kx);
          }
        }
      }
    }
    return r;
  }

  static float[][] rowMajor(INDArray w, int rows, int cols) {
    if (w.size(0) != rows || w.size(1) != cols) {
      throw new IllegalArgumentException("not the CnnArchitecture network: weights " + w.shapeInfoToString());
    }
    return w.toFloatMatrix();
  }

  /**
   * DL4J's inference batch norm, gamma * (x - mean) / sqrt(var + eps) + beta, as one scale and shift
   * per channel. The network stores log10 of the standard deviation: var = (10^log10std)^2.
   */
  static float[][] batchNorm(MultiLayerNetwork net, int layer) {
    double eps = ((BatchNormalization) net.getLayer(layer).conf().getLayer()).getEps();
    float[] gamma = param(net, layer + "_gamma").toFloatVector();
    float[] beta = param(net, layer + "_beta").toFloatVector();
    float[] mean = param(net, layer + "_mean").toFloatVector();
    float[] log10std = param(net, layer + "_log10stdev").toFloatVector();
    float[] scale = new float[gamma.length];
    float[] shift = new float[gamma.length];
    for (int c = 0; c < gamma.length; c++) {
      double std = Math.pow(10, log10std[c]);
      double s = gamma[c] / Math.sqrt(std * std + eps);
      scale[c] = (float) s;
      shift[c] = (float) (beta[c] - mean[c] * s);
    }
    return new float[][] {scale, shift};
  }
}
