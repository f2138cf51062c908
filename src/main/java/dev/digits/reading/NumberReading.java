package dev.digits.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of digits read from one picture, left to right, and how sure the reader is of the whole:
 * the product of the digits' probabilities and of the share the chosen cuts hold among the other
 * ways to cut the row, so one doubtful digit or one doubtful cut lowers it.
 */
public record NumberReading(List<ReadDigit> digits, double confidence) {
  public NumberReading {
    digits = List.copyOf(digits);
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("a reading has at least one digit");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in 0..1, got " + confidence);
    }
  }

  /** The digits as text, e.g. {@code "2026"} (a leading zero kept). */
  public String text() {
    StringBuilder s = new StringBuilder(digits.size());
    for (ReadDigit d : digits) {
      s.append(d.digit());
    }
    return s.toString();
  }

  /** The same reading with its boxes in a picture {@code scale} times the size of the one read. */
  public NumberReading scaled(double scale) {
    if (scale == 1) {
      return this;
    }
    List<ReadDigit> out = new ArrayList<>(digits.size());
    for (ReadDigit d : digits) {
      out.add(new ReadDigit(d.prediction(), d.box().scaled(scale), d.mnist()));
    }
    return new NumberReading(out, confidence);
  }
}
