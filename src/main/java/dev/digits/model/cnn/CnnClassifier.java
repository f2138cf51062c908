package dev.digits.model.cnn;

import dev.digits.model.DigitClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The DL4J CNN as a classifier. A MultiLayerNetwork is not safe for concurrent {@code output()}
 * calls, so one lock guards it; callers that want throughput send batches (see the batch form).
 */
public final class CnnClassifier implements DigitClassifier {
  private final MultiLayerNetwork network;
  private final ReentrantLock lock = new ReentrantLock();

  public CnnClassifier(MultiLayerNetwork network) {
    this.network = network;
  }

  /** Threads ND4J may use for one operation; 0 leaves its default (one per core). */
  private static volatile int nativeThreads;

  private static final ThreadLocal<Integer> APPLIED = ThreadLocal.withInitial(() -> 0);

  /**
   * Caps the threads ND4J runs one operation on (its OpenMP pool and BLAS), from the next call on.
   * A server already has a request thread per core, and ND4J's threads competing with them cost
   * more than they give: one thread per operation more than doubled the CNN route's throughput on
   * two cores (BENCHMARKS.md).
   */
  public static void limitNativeThreads(int threads) {
    nativeThreads = threads;
  }

  // OpenMP keeps its thread count per calling thread, so every thread that runs the model sets it.
  private static void applyThreadLimit() {
    int n = nativeThreads;
    if (n > 0 && APPLIED.get() != n) {
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
      Nd4j.getEnvironment().setMaxThreads(n);
      Nd4j.getEnvironment().setMaxMasterThreads(n);
      Nd4j.factory().blas().setMaxThreads(n);
      APPLIED.set(n);
    }
  }

  /** Loads a model saved with DL4J's ModelSerializer, without its updater (inference only). */
  public static CnnClassifier load(Path file) {
    try {
      return new CnnClassifier(MultiLayerNetwork.load(file.toFile(), false));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load CNN model " + file + ": " + e.getMessage(), e);
    }
  }

  public static CnnClassifier read(InputStream in, String name) {
    try {
      return new CnnClassifier(ModelSerializer.restoreMultiLayerNetwork(in, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CNN model " + name, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read CNN model " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public float[] probabilities(float[] image) {
    return probabilities(new float[][] {image})[0];
  }

  @Override
  public float[][] probabilities(float[][] images) {
    if (images.length == 0) {
      return new float[0][];
    }
    float[] flat = new float[images.length * PIXELS];
    for (int i = 0; i < images.length; i++) {
      DigitClassifier.checkImage(images[i]);
      System.arraycopy(images[i], 0, flat, i * PIXELS, PIXELS);
    }
    INDArray input = Nd4j.create(flat, new long[] {images.length, PIXELS}, 'c');
    INDArray out;
    lock.lock();
    try {
      applyThreadLimit();
      out = network.output(input, false);
    } finally {
      lock.unlock();
    }
    float[][] result = new float[images.length][];
    for (int i = 0; i < images.length; i++) {
      result[i] = out.getRow(i).toFloatVector();
    }
    return result;
  }

  @Override
  public long parameterCount() {
    return network.numParams();
  }

  /** The network as its file holds it, for {@link CnnForwardPass#of(SavedNetwork)}. */
  public SavedNetwork saved() {
    return new SavedNetwork(
        network.getLayerWiseConfigurations().toJson(), network.params().toFloatVector());
  }

  /** The network itself, for saving and for training to continue; not for concurrent use. */
  public MultiLayerNetwork network() {
    return network;
  }
}
