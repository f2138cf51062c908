package dev.digits.training;

import java.time.Duration;

/**
 * Prints training progress: epoch, loss, accuracies, elapsed time and an estimate of the time left.
 */
final class Progress {
  private final long start = System.nanoTime();
  private final int epochs;
  private final double earlierSeconds;
  private int firstEpoch = -1;

  Progress(int epochs) {
    this(epochs, 0);
  }

  /** For a resumed run: {@code earlierSeconds} were spent before this process started. */
  Progress(int epochs, double earlierSeconds) {
    this.epochs = epochs;
    this.earlierSeconds = earlierSeconds;
  }

  /** Training time so far, earlier runs included. */
  double seconds() {
    return earlierSeconds + (System.nanoTime() - start) / 1e9;
  }

  void epoch(int epoch, double loss, double trainAccuracy, double testAccuracy) {
    if (firstEpoch < 0) {
      firstEpoch = epoch;
    }
    double elapsed = seconds();
    double perEpoch = (System.nanoTime() - start) / 1e9 / (epoch - firstEpoch + 1);
    double left = perEpoch * (epochs - epoch);
    String train =
        Double.isNaN(trainAccuracy) ? "" : String.format("  train %.2f %%", 100 * trainAccuracy);
    System.out.printf(
        "epoch %2d/%d  loss %.4f%s  test %.2f %%  elapsed %s  left ~%s%n",
        epoch, epochs, loss, train, 100 * testAccuracy, format(elapsed), format(left));
  }

  static String format(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
