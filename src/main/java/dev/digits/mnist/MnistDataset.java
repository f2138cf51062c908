package dev.digits.mnist;

import dev.digits.model.DigitClassifier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/** A set of labelled 28x28 MNIST images, each as 784 ink intensities in 0..1. */
public record MnistDataset(float[][] images, byte[] labels) {

  public MnistDataset {
    if (images.length != labels.length) {
      throw new IllegalArgumentException(
          images.length + " images but " + labels.length + " labels");
    }
  }

  public int size() {
    return labels.length;
  }

  /** The same examples with each image passed through {@code f} (in parallel). */
  public MnistDataset map(UnaryOperator<float[]> f) {
    float[][] out = new float[images.length][];
    IntStream.range(0, images.length).parallel().forEach(i -> out[i] = f.apply(images[i]));
    return new MnistDataset(out, labels);
  }

  /** The first {@code n} examples (for quick training runs and tests). */
  public MnistDataset head(int n) {
    int k = Math.min(n, size());
    float[][] imgs = new float[k][];
    System.arraycopy(images, 0, imgs, 0, k);
    byte[] labs = new byte[k];
    System.arraycopy(labels, 0, labs, 0, k);
    return new MnistDataset(imgs, labs);
  }

  static MnistDataset of(IdxImages idx, byte[] labels, String what) {
    if (idx.rows() != DigitClassifier.SIDE || idx.columns() != DigitClassifier.SIDE) {
      throw new IdxFormatException(
          what + ": images are " + idx.rows() + "x" + idx.columns() + ", expected 28x28");
    }
    if (idx.count() != labels.length) {
      throw new IdxFormatException(
          what + ": " + idx.count() + " images but " + labels.length + " labels");
    }
    float[][] images = new float[idx.count()][];
    for (int i = 0; i < images.length; i++) {
      images[i] = idx.image(i);
    }
    return new MnistDataset(images, labels);
  }
}
