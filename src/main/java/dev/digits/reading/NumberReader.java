package dev.digits.reading;

import dev.digits.image.InkImage;
import dev.digits.image.NoDigitException;
import dev.digits.model.DigitClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a row of handwritten digits from one picture's ink. Its strokes (connected ink) are cut
 * where digits may touch, then put back together into digits in the way the classifier finds most
 * likely, with a prior on each digit's shape: pieces of one digit (a 5's flag, a two-stroke 4)
 * join, touching digits part. Each digit is framed exactly as a single digit is. Safe to call from
 * many threads.
 */
public final class NumberReader {
  public static final int MAX_DIGITS = 20;

  /**
   * More atoms than this is no row of at most 20 digits, and reading them all would cost too much.
   */
  private static final int MAX_ATOMS = 6 * MAX_DIGITS;

  private final DigitClassifier classifier;
  private final Tuning tuning;
  private final SegmentScore score;

  public NumberReader(DigitClassifier classifier) {
    this(classifier, Tuning.DEFAULT, SegmentScore.FITTED);
  }

  /**
   * A reader whose settings system properties {@code reading.<name>} override, for measurements:
   * {@code reading.weights} the fitted scores' weights, {@code reading.handSet=true} the hand-set
   * costs of {@link Tuning} instead.
   */
  public static NumberReader tunedBySystemProperties(DigitClassifier classifier) {
    return new NumberReader(
        classifier,
        Tuning.fromSystemProperties(),
        Boolean.getBoolean("reading.handSet") ? null : SegmentScore.fromSystemProperty());
  }

  NumberReader(DigitClassifier classifier, Tuning tuning, SegmentScore score) {
    this.classifier = classifier;
    this.tuning = tuning;
    this.score = score;
  }

  Tuning tuning() {
    return tuning;
  }

  DigitClassifier classifier() {
    return classifier;
  }

  /**
   * The digits left to right; refuses ({@link NoDigitException}) a blank picture, ink in several
   * rows or drawn like a picture, and more than {@link #MAX_DIGITS} digits.
   */
  public NumberReading read(InkImage picture) {
    Row row = row(picture);
    List<Scored> candidates = LatticeBuilder.candidates(picture, row, classifier, tuning);
    SegmentLattice.Path path = LatticeBuilder.lattice(row, candidates, tuning, score).best();
    List<ReadDigit> digits = new ArrayList<>();
    double confidence = path.share();
    for (SegmentLattice.Edge e : path.edges()) {
      if (e.digit() != null) {
        Scored s = e.digit();
        digits.add(new ReadDigit(s.prediction(), s.candidate().piece().box(), s.mnist()));
        confidence *= s.prediction().confidence();
      }
    }
    if (digits.isEmpty()) {
      throw new NoDigitException("no digit found: the picture has only stray marks");
    }
    if (digits.size() > MAX_DIGITS) {
      throw tooMany(String.valueOf(digits.size()));
    }
    return new NumberReading(digits, Math.min(1, confidence));
  }

  /** The picture's strokes, checked to be one row of digits, cut into atoms. */
  Row row(InkImage picture) {
    List<Piece> strokes = StrokeFinder.strokes(picture, (float) tuning.threshold());
    double height = RowCheck.digitHeight(strokes);
    strokes = RowCheck.withoutDust(strokes, height);
    RowCheck.oneRow(strokes, height);
    RowCheck.notADrawing(strokes, height);
    double pen = RowCheck.penWidth(strokes);
    WholeStrokes whole = WholeStrokes.of(picture, strokes, height, classifier, tuning);
    List<Atom> atoms = Oversegmenter.atoms(strokes, whole.whole, height, pen, tuning);
    if (atoms.size() > MAX_ATOMS) {
      throw tooMany("more than " + MAX_DIGITS);
    }
    return new Row(atoms, height, pen, whole.read);
  }

  private static NoDigitException tooMany(String count) {
    return new NoDigitException(
        "the picture holds " + count + " digits; at most " + MAX_DIGITS + " can be read at once");
  }
}
