package dev.digits.training;

import java.time.Duration;

/** Prints training progress: epoch, loss, accuracies, elapsed time and an estimate of the time left. */
final class Progress {
  private final long start = System.nanoTime();
  private final int epochs;

  Progress(int epochs) {
    this.epochs = epochs;
  }

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  void epoch(int epoch, double loss, double trainAccuracy, double testAccuracy) {
    double elapsed = seconds();
    double left = elapsed / epoch * (epochs - epoch);
    System.out.printf("epoch %2d/%d  loss %.4f  train %.2f %%  test %.2f %%  elapsed %s  left ~%s%n", epoch, epochs,
        loss, 100 * trainAccuracy, 100 * testAccuracy, format(elapsed), format(left));
  }

  static String format(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
