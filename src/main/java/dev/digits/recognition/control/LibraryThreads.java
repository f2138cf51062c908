package dev.digits.recognition.control;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends the threads the app's own libraries started and never stop: JavaCPP's "JavaCPP Deallocator"
 * and ND4J's "DeallocatorServiceThread_N" run for the life of the JVM. In a server, each keeps its
 * class, so the application's class loader and every class it loaded, alive after the app is
 * undeployed: 16-19 MB a redeployment on WildFly and GlassFish. Both loops end when interrupted.
 * Only threads whose class the application's loader defined are touched, never the server's own
 * pools.
 */
final class LibraryThreads {
  private static final Logger LOG = Logger.getLogger(LibraryThreads.class.getName());

  private LibraryThreads() {}

  /** Interrupts the live threads whose class {@code loader} defined; waits up to {@code wait}. */
  static List<String> stop(ClassLoader loader, Duration wait) {
    List<Thread> ours =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t != Thread.currentThread() && t.getClass().getClassLoader() == loader)
            .toList();
    ours.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + wait.toNanos();
    for (Thread t : ours) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<String> names = ours.stream().map(Thread::getName).toList();
    ours.stream()
        .filter(Thread::isAlive)
        .forEach(t -> LOG.warning(() -> "library thread " + t.getName() + " did not stop"));
    return names;
  }
}
