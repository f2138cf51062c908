package dev.digits.mnist;

/** The MNIST sets, loaded once per test JVM (they take a second or two to read and check). */
public final class MnistFixture {
  private MnistFixture() {}

  private static final class Holder {
    static final MnistFiles FILES = MnistFiles.fromSystemProperty();
    static final MnistDataset TEST = FILES.test();
    static final MnistDataset TRAINING = FILES.training();
  }

  public static MnistDataset test() {
    return Holder.TEST;
  }

  public static MnistDataset training() {
    return Holder.TRAINING;
  }
}
