package dev.digits.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps the training time beside a checkpoint, so a resumed run's model card counts all of it. */
final class TrainingClock {
  private TrainingClock() {}

  static Path file(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + ".seconds");
  }

  static double resumedSeconds(Path checkpoint) {
    Path f = file(checkpoint);
    try {
      return Files.isRegularFile(checkpoint) && Files.isRegularFile(f)
          ? Double.parseDouble(Files.readString(f).strip())
          : 0;
    } catch (IOException | NumberFormatException e) {
      return 0; // unknown earlier time: the card then undercounts, which the log shows
    }
  }

  static void record(Path checkpoint, double seconds) {
    try {
      Files.writeString(file(checkpoint), Double.toString(seconds));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(checkpoint), e);
    }
  }
}
