package dev.digits.model.ann;

/**
 * The ANN's forward pass, ReLU(x W1 + b1) W2 + b2 -> softmax, shared by serving and training. All
 * scratch space is passed in, so callers on different threads share nothing mutable.
 */
public final class AnnForwardPass {
  private AnnForwardPass() {}

  /** Fills {@code hidden} with ReLU activations and {@code out} with softmax probabilities. */
  public static void forward(AnnWeights w, float[] x, float[] hidden, float[] out) {
    int h = w.hidden();
    System.arraycopy(w.b1(), 0, hidden, 0, h);
    float[] w1 = w.w1();
    int[] inked =
        new int[w.inputs()]; // most MNIST pixels are blank: skipping them is the biggest saving
    int n = 0;
    for (int i = 0; i < inked.length; i++) {
      inked[n] = i;
      n += x[i] != 0f ? 1 : 0;
    }
    // Four pixels per pass over the hidden layer: a quarter of its loads and stores. Added left to
    // right,
    // each term rounds as it would alone, so the sums are those of one pass per pixel to the bit.
    int t = 0;
    for (; t + 4 <= n; t += 4) {
      int a = inked[t], b = inked[t + 1], c = inked[t + 2], d = inked[t + 3];
      float xa = x[a], xb = x[b], xc = x[c], xd = x[d];
      int oa = a * h, ob = b * h, oc = c * h, od = d * h;
      for (int j = 0; j < h; j++) {
        hidden[j] =
            hidden[j] + xa * w1[oa + j] + xb * w1[ob + j] + xc * w1[oc + j] + xd * w1[od + j];
      }
    }
    for (; t < n; t++) {
      float xi = x[inked[t]];
      int off = inked[t] * h;
      for (int j = 0; j < h; j++) {
        hidden[j] += xi * w1[off + j];
      }
    }
    for (int j = 0; j < h; j++) {
      hidden[j] = Math.max(0f, hidden[j]);
    }
    int o = w.outputs();
    System.arraycopy(w.b2(), 0, out, 0, o);
    float[] w2 = w.w2();
    for (int j = 0; j < h; j++) {
      float hj = hidden[j];
      if (hj != 0f) {
        int off = j * o;
        for (int k = 0; k < o; k++) {
          out[k] += hj * w2[off + k];
        }
      }
    }
    softmax(out);
  }

  static void softmax(float[] z) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    float sum = 0f;
    for (int k = 0; k < z.length; k++) {
      z[k] = (float) Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
  }
}
