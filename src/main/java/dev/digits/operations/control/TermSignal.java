package dev.digits.operations.control;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The app's own handler of SIGTERM, ahead of the one that was there (the JVM's, which runs the
 * server's shutdown hooks): it runs a task, then hands the signal on to the previous handler. Kept
 * apart so that only this class needs module jdk.unsupported.
 */
final class TermSignal implements SignalHandler {
  private static final Signal TERM = new Signal("TERM");

  private final Runnable task;
  private final ClassLoader app = TermSignal.class.getClassLoader();
  private volatile SignalHandler previous;

  private TermSignal(Runnable task) {
    this.task = task;
  }

  /**
   * Installs a handler that runs {@code task}, then raises SIGTERM again for the previous handler.
   * Throws IllegalArgumentException where the JVM keeps SIGTERM to itself.
   */
  static TermSignal install(Runnable task) {
    TermSignal handler = new TermSignal(task);
    handler.previous = Signal.handle(TERM, handler);
    return handler;
  }

  /**
   * The previous handler is put back first, so that a second SIGTERM during the task stops the
   * server at once, as it would without the app; the signal is raised again for it after the task,
   * whatever the task did. The task runs with the app's context class loader, as on a request
   * thread: the JVM's signal thread has none, and CDI's proxies (Weld's on Payara) need it.
   */
  @Override
  public void handle(Signal signal) {
    restore();
    Thread thread = Thread.currentThread();
    ClassLoader own = thread.getContextClassLoader();
    thread.setContextClassLoader(app);
    try {
      task.run();
    } finally {
      thread.setContextClassLoader(own);
      Signal.raise(TERM);
    }
  }

  /** Puts the previous handler back, if this one is still installed (not on a second call). */
  void restore() {
    SignalHandler current = Signal.handle(TERM, previous);
    if (current != this) {
      Signal.handle(TERM, current);
    }
  }
}
