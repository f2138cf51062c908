package dev.digits.model.cnn;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved DL4J network's layers and parameters, in the arrays {@link CnnForwardPass} computes with.
 * DL4J keeps all parameters in one flat vector, layer by layer, each layer's in a fixed order
 * (convolution: bias, then kernels [out][in][ky][kx]; batch norm: gamma, beta, mean, log10 of the
 * standard deviation; dense: weights [in][out] column-major, then bias); this class cuts it by the
 * sizes in the configuration. Each accessor checks the layer is what the caller expects, so a
 * network of another shape is refused, not misread.
 */
final class NetworkWeights {
  private final List<JsonObject> layers = new ArrayList<>();
  private final Map<String, float[]> params = new HashMap<>();
  private final int parameterCount;

  private NetworkWeights(SavedNetwork saved) {
    try (JsonReader reader = Json.createReader(new StringReader(saved.configuration()))) {
      for (JsonObject conf :
          reader.readObject().getJsonArray("confs").getValuesAs(JsonObject.class)) {
        layers.add(conf.getJsonObject("layer"));
      }
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw refused("unreadable configuration (" + e.getMessage() + ")");
    }
    float[] flat = saved.parameters();
    int at = 0;
    for (int i = 0; i < layers.size(); i++) {
      for (Map.Entry<String, Integer> p : layout(i).entrySet()) {
        if (at + p.getValue() > flat.length) {
          throw refused("fewer parameters than its layers need");
        }
        float[] values = new float[p.getValue()];
        System.arraycopy(flat, at, values, 0, values.length);
        params.put(i + "_" + p.getKey(), values);
        at += values.length;
      }
    }
    if (at != flat.length) {
      throw refused(flat.length + " parameters where its layers hold " + at);
    }
    parameterCount = flat.length;
  }

  static NetworkWeights of(SavedNetwork saved) {
    return new NetworkWeights(saved);
  }

  int layerCount() {
    return layers.size();
  }

  int parameterCount() {
    return parameterCount;
  }

  /** Layer i's parameters by DL4J's names, with their sizes, in DL4J's order. */
  private Map<String, Integer> layout(int i) {
    JsonObject l = layers.get(i);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    switch (type(i)) {
      case "ConvolutionLayer" -> {
        JsonArray k = l.getJsonArray("kernelSize");
        sizes.put("b", l.getBoolean("hasBias", true) ? nOut(i) : 0);
        sizes.put("W", nOut(i) * l.getInt("nin") * k.getInt(0) * k.getInt(1));
      }
      case "BatchNormalization" -> {
        if (!l.getBoolean("lockGammaBeta", false)) {
          sizes.put("gamma", nOut(i));
          sizes.put("beta", nOut(i));
        }
        sizes.put("mean", nOut(i));
        sizes.put(l.getBoolean("useLogStd", false) ? "log10stdev" : "var", nOut(i));
      }
      case "DenseLayer", "OutputLayer" -> {
        sizes.put("W", l.getInt("nin") * nOut(i));
        sizes.put("b", l.getBoolean("hasBias", true) ? nOut(i) : 0);
      }
      case "ActivationLayer", "SubsamplingLayer" -> {}
      default -> throw refused("a layer of type " + type(i));
    }
    return sizes;
  }

  /** The side of layer i's square kernel; the layer must be a convolution. */
  int kernelSide(int i) {
    expect(i, "ConvolutionLayer");
    JsonArray k = layers.get(i).getJsonArray("kernelSize");
    if (k == null || k.size() != 2 || k.getInt(0) != k.getInt(1)) {
      throw refused("layer " + i + " has no square kernel");
    }
    return k.getInt(0);
  }

  /** Whether layer i is a layer and of that type. */
  boolean is(int i, String type) {
    return i < layers.size() && type(i).equals(type);
  }

  /** Whether layer i is a pooling layer, which {@link #maxPool} then checks is 2x2 max pooling. */
  boolean isMaxPool(int i) {
    return is(i, "SubsamplingLayer");
  }

  private String type(int i) {
    String c = layers.get(i).getString("@class", "");
    return c.substring(c.lastIndexOf('.') + 1);
  }

  int nOut(int i) {
    return layers.get(i).getInt("nout");
  }

  /** The bias of layer i, which must be of that type. */
  float[] bias(int i, String type) {
    expect(i, type);
    return param(i, "b");
  }

  /** A valid, stride-1 convolution's kernels as rows [(in * side + ky) * side + kx][out]. */
  float[][] kernelRows(int i, int outs, int ins, int side) {
    expect(i, "ConvolutionLayer");
    JsonObject l = layers.get(i);
    if (nOut(i) != outs
        || l.getInt("nin") != ins
        || !ints(l, "kernelSize", side, side)
        || !ints(l, "stride", 1, 1)
        || !ints(l, "padding", 0, 0)) {
      throw refused(
          "layer "
              + i
              + " is not a "
              + side
              + "x"
              + side
              + " convolution from "
              + ins
              + " to "
              + outs
              + " channels");
    }
    float[] w = param(i, "W");
    float[][] r = new float[ins * side * side][outs];
    for (int o = 0, k = 0; o < outs; o++) {
      for (int row = 0; row < ins * side * side; row++) {
        r[row][o] = w[k++];
      }
    }
    return r;
  }

  /** A dense layer's weights as rows [in][out] (DL4J stores them column by column). */
  float[][] denseRows(int i, int ins) {
    expect(i, type(i).equals("OutputLayer") ? "OutputLayer" : "DenseLayer");
    if (layers.get(i).getInt("nin") != ins) {
      throw refused("layer " + i + " takes " + layers.get(i).getInt("nin") + " inputs, not " + ins);
    }
    float[] w = param(i, "W");
    int outs = nOut(i);
    float[][] r = new float[ins][outs];
    for (int o = 0; o < outs; o++) {
      for (int in = 0; in < ins; in++) {
        r[in][o] = w[o * ins + in];
      }
    }
    return r;
  }

  /**
   * DL4J's inference batch norm, gamma * (x - mean) / sqrt(var + eps) + beta, as one scale and
   * shift per channel. The network stores log10 of the standard deviation: var = (10^log10std)^2.
   */
  float[][] batchNorm(int i, int channels) {
    expect(i, "BatchNormalization");
    JsonObject l = layers.get(i);
    if (nOut(i) != channels
        || !l.getBoolean("useLogStd", false)
        || l.getBoolean("lockGammaBeta", false)) {
      throw refused(
          "layer "
              + i
              + " is not the batch norm of "
              + channels
              + " channels this engine computes");
    }
    double eps = l.getJsonNumber("eps").doubleValue();
    float[] gamma = param(i, "gamma");
    float[] beta = param(i, "beta");
    float[] mean = param(i, "mean");
    float[] log10std = param(i, "log10stdev");
    float[] scale = new float[channels];
    float[] shift = new float[channels];
    for (int c = 0; c < channels; c++) {
      double std = Math.pow(10, log10std[c]);
      double s = gamma[c] / Math.sqrt(std * std + eps);
      scale[c] = (float) s;
      shift[c] = (float) (beta[c] - mean[c] * s);
    }
    return new float[][] {scale, shift};
  }

  /** Checks layer i is a 2x2, stride-2 max pooling. */
  void maxPool(int i) {
    expect(i, "SubsamplingLayer");
    JsonObject l = layers.get(i);
    if (!"MAX".equals(l.getString("poolingType", ""))
        || !ints(l, "kernelSize", 2, 2)
        || !ints(l, "stride", 2, 2)) {
      throw refused("layer " + i + " is not a 2x2 max pooling");
    }
  }

  /**
   * Checks layer i (an activation layer or a layer with its own activation) applies this function.
   */
  void activation(int i, String function) {
    JsonObject fn = layers.get(i).getJsonObject("activationFn");
    String c = fn == null ? "" : fn.getString("@class", "");
    if (!c.endsWith("." + function)) {
      throw refused("layer " + i + " applies " + c + ", not " + function);
    }
  }

  private float[] param(int i, String name) {
    float[] p = params.get(i + "_" + name);
    if (p == null || p.length == 0) {
      throw refused("layer " + i + " has no parameter " + name);
    }
    return p;
  }

  private void expect(int i, String type) {
    if (i >= layers.size() || !type(i).equals(type)) {
      throw refused(
          "layer " + i + " is " + (i < layers.size() ? type(i) : "missing") + ", not " + type);
    }
  }

  private static boolean ints(JsonObject l, String key, int a, int b) {
    JsonArray v = l.getJsonArray(key);
    return v != null && v.size() == 2 && v.getInt(0) == a && v.getInt(1) == b;
  }

  static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException("not the CnnArchitecture network: " + why);
  }
}
