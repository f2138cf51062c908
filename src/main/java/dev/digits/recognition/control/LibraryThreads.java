package dev.digits.recognition.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends the threads the app's own libraries started and never stop: JavaCPP's "JavaCPP Deallocator"
 * and ND4J's "DeallocatorServiceThread_N" run for the life of the JVM. In a server, each keeps its
 * class, so the application's class loader and every class it loaded, alive after the app is
 * undeployed: 16-19 MB a redeployment on WildFly and GlassFish. Both loops end when interrupted.
 * Only threads whose class the application's loader defined are touched, never the server's own
 * pools.
 *
 * <p>Made while the app starts: at a JVM's shutdown Payara closes the application's class loader
 * before the beans' {@code @PreDestroy}, so a class first loaded there is not found. For the same
 * reason {@link #stop} uses no lambdas (each would be a class spun at its first use).
 */
final class LibraryThreads {
  private static final Logger LOG = Logger.getLogger(LibraryThreads.class.getName());

  private final ClassLoader loader;

  LibraryThreads(ClassLoader loader) {
    this.loader = loader;
  }

  /** Interrupts the live threads whose class the loader defined; waits up to {@code wait}. */
  List<String> stop(Duration wait) {
    List<Thread> ours = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t != Thread.currentThread() && t.getClass().getClassLoader() == loader) {
        ours.add(t);
        t.interrupt();
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    List<String> names = new ArrayList<>();
    for (Thread t : ours) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      names.add(t.getName());
      if (t.isAlive()) {
        LOG.warning("library thread " + t.getName() + " did not stop");
      }
    }
    return names;
  }
}
