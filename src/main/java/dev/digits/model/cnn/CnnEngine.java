package dev.digits.model.cnn;

import dev.digits.model.BatchingClassifier;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What runs the CNN on the server: {@link #JAVA}, the trained network's forward pass in plain Java
 * (its weights read from the file without ND4J, whose native libraries then never load), or {@link
 * #DL4J}, DL4J's own inference behind dynamic batching (about a third of the speed here,
 * BENCHMARKS.md). Each knows how to start itself.
 */
public enum CnnEngine {
  JAVA {
    @Override
    public DigitClassifier load(ModelFiles.Source source, String file, Options options) {
      CnnForwardPass cnn = warmedUp(ModelFiles.cnnForwardPass(source, file));
      LOG.info(() -> "the CNN runs in plain Java, its sums on " + CnnForwardPass.rowKernel());
      return cnn;
    }
  },
  DL4J {
    @Override
    public DigitClassifier load(ModelFiles.Source source, String file, Options options) {
      if (options.nativeThreads() > 0) {
        CnnClassifier.limitNativeThreads(options.nativeThreads());
      }
      // ND4J keeps state in ThreadLocals of every thread that calls it (its random generator, its
      // workspaces). On one of the server's pooled threads, that state would keep the app's class
      // loader alive after undeployment; so ND4J starts on a thread that ends, and is called
      // afterwards by the batching worker alone, which ends when the app does.
      CnnClassifier network =
          onThreadOfItsOwn(
              "cnn-loader", options.classLoader(), () -> warmedUp(ModelFiles.cnn(source, file)));
      releaseNativeLibraryCopies(options.classLoader());
      // Warmed up before batching: on Open Liberty, a managed thread (the batching worker) waits
      // for the deployment to finish, so a first call through it during deployment never returns.
      return new BatchingClassifier(network, options.maxBatch(), options.threads());
    }
  };

  private static final Logger LOG = Logger.getLogger(CnnEngine.class.getName());

  /**
   * How the DL4J engine runs: most images per call, ND4J threads per operation (0: its default),
   * the batching thread's factory, and the class loader that loaded ND4J's libraries.
   */
  public record Options(
      int maxBatch, int nativeThreads, ThreadFactory threads, ClassLoader classLoader) {}

  /** The engine of that name, {@code java} or {@code dl4j}. */
  public static CnnEngine named(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("digits.cnn.engine is java or dl4j, not " + name, e);
    }
  }

  /**
   * Loads a CNN ({@code file}, one of {@link ModelFiles#CNN_COMMITTEE}) from {@code source} and
   * makes it ready to serve: the first call has been made, so lazy initialisation is not paid by a
   * request. A classifier that is {@link AutoCloseable} must be closed when the server stops.
   */
  public abstract DigitClassifier load(ModelFiles.Source source, String file, Options options);

  /** The classifier after its first call, which pays for its lazy initialisation. */
  private static <C extends DigitClassifier> C warmedUp(C classifier) {
    classifier.probabilities(new float[DigitClassifier.PIXELS]);
    return classifier;
  }

  private static <T> T onThreadOfItsOwn(String name, ClassLoader loader, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            name);
    thread.setContextClassLoader(loader);
    thread.start();
    try {
      thread.join();
      return result.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the CNN loaded", e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error err) {
        throw err; // a native library that failed to load, as the caller expects it
      }
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }

  /** Closes a classifier that holds threads or native memory; leaves any other alone. */
  public static void close(DigitClassifier classifier) {
    if (classifier instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warning(() -> "closing " + classifier.name() + " failed: " + e);
      }
    }
  }

  // A web server's class loader read ND4J's native libraries into the heap while ND4J loaded them.
  // Once freed, one full collection gives that memory back to the system instead of keeping it.
  private static void releaseNativeLibraryCopies(ClassLoader loader) {
    long released = NativeLibraryCopies.release(loader);
    if (released > 0) {
      System.gc();
      LOG.info(
          () ->
              String.format(
                  "released the %d MB the class loader kept of ND4J's native libraries",
                  released >> 20));
    }
  }
}
