package dev.digits.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.image.EncodedImage;
import dev.digits.image.InkImage;
import dev.digits.image.NoDigitException;
import dev.digits.image.PictureInk;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenNumbers;
import dev.digits.mnist.WrittenNumbers.Condition;
import dev.digits.mnist.WrittenNumbers.Sample;
import dev.digits.model.ModelFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Segmentation with the committed CNN: order, boxes, digits in pieces, touching digits, refusals.
 */
class NumberReaderTest {
  private static NumberReader reader;

  @BeforeAll
  static void load() {
    reader = new NumberReader(ModelFiles.cnnForwardPass(ModelFiles.directory(Path.of("models"))));
  }

  @Test
  void digitsComeLeftToRightEachWithItsInksBox() {
    WrittenNumbers written = new WrittenNumbers(MnistFixture.test(), 1);
    for (String number : List.of("4071", "2026", "93", "8")) {
      Sample s = written.sample(Condition.WIDE, number);
      NumberReading r = reader.read(ink(s.picture()));
      assertEquals(number, r.text());
      for (int i = 0; i < r.digits().size(); i++) {
        Box box = r.digits().get(i).box();
        int[] truth = s.boxes().get(i);
        assertTrue(
            box.x() >= truth[0] - 2
                && box.right() <= truth[0] + truth[2] + 2
                && box.width() >= 0.85 * truth[2]
                && box.y() >= truth[1] - 2
                && box.bottom() <= truth[1] + truth[3] + 2,
            number + " digit " + i + ": " + box + " for ink at " + truth[0] + "," + truth[1]);
      }
    }
  }

  @Test
  void aDigitWrittenInTwoStrokesIsOneDigit() {
    WrittenNumbers written = new WrittenNumbers(MnistFixture.test(), 2);
    int cut = 0;
    for (String number : List.of("57", "41", "75", "34", "52")) {
      Sample s = written.sample(Condition.WIDE, number);
      BufferedImage picture = s.picture();
      // A band of paper across the first digit, a third of the way down: two strokes now.
      int[] first = s.boxes().get(0);
      Graphics2D g = picture.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(first[0] - 2, first[1] + first[3] / 3, first[2] + 4, Math.max(2, first[3] / 30));
      g.dispose();
      InkImage ink = ink(picture);
      if (StrokeFinder.strokes(ink, (float) Tuning.DEFAULT.threshold()).size() <= 2) {
        continue; // the band missed a stroke: not a digit in two pieces
      }
      cut++;
      assertEquals(number, reader.read(ink).text(), "the first digit in two strokes");
    }
    assertTrue(cut >= 3, "only " + cut + " of the digits came apart");
  }

  @Test
  void touchingDigitsAreCutApart() {
    WrittenNumbers written = new WrittenNumbers(MnistFixture.test(), 3);
    int touching = 0;
    int right = 0;
    for (int n = 0; n < 40 && touching < 12; n++) {
      Sample s = written.sample(Condition.TOUCHING, written.randomNumber(2));
      InkImage ink = ink(s.picture());
      if (StrokeFinder.strokes(ink, (float) Tuning.DEFAULT.threshold()).size() != 1) {
        continue; // the two digits do not touch
      }
      touching++;
      right += reader.read(ink).text().equals(s.number()) ? 1 : 0;
    }
    assertTrue(touching >= 8, "only " + touching + " pairs touched");
    // A floor against regressions: 10 of these 12 are read right today (8 with the wandering cuts).
    assertTrue(right >= 0.75 * touching, right + " of " + touching + " touching pairs read right");
  }

  @Test
  void aWideDigitReadBeyondDoubtIsLeftUncutButTouchingDigitsAreNot() {
    WrittenNumbers written = new WrittenNumbers(MnistFixture.test(), 5);
    int wide = 0;
    int whole = 0;
    for (String digit : List.of("0", "2", "6", "0", "2", "6", "0", "2")) {
      Optional<Boolean> b = uncut(written.sample(Condition.WIDE, digit));
      wide += b.isPresent() ? 1 : 0;
      whole += b.orElse(false) ? 1 : 0;
    }
    assertTrue(wide >= 4 && 2 * whole >= wide, whole + " of " + wide + " wide digits left uncut");
    int pairs = 0;
    for (int n = 0; n < 40 && pairs < 8; n++) {
      Optional<Boolean> b = uncut(written.sample(Condition.TOUCHING, written.randomNumber(2)));
      pairs += b.isPresent() ? 1 : 0;
      assertTrue(!b.orElse(false), "two touching digits taken for one beyond doubt");
    }
    assertTrue(pairs >= 5, "only " + pairs + " pairs touched");
  }

  /** Whether the picture's one wide stroke is left uncut; empty where it has no such stroke. */
  private static Optional<Boolean> uncut(Sample s) {
    InkImage ink = ink(s.picture());
    Tuning tuning = Tuning.DEFAULT;
    List<Piece> strokes = StrokeFinder.strokes(ink, (float) tuning.threshold());
    double height = RowCheck.digitHeight(strokes);
    if (strokes.size() != 1 || !Oversegmenter.mayBeSeveral(strokes.get(0), height, tuning)) {
      return Optional.empty();
    }
    return Optional.of(WholeStrokes.of(ink, strokes, height, reader.classifier(), tuning).whole[0]);
  }

  @Test
  void blankPicturesSeveralRowsAndTooManyDigitsAreRefused() {
    WrittenNumbers written = new WrittenNumbers(MnistFixture.test(), 4);
    BufferedImage blank = new BufferedImage(800, 280, BufferedImage.TYPE_INT_RGB);
    assertThrows(NoDigitException.class, () -> reader.read(ink(blank)));
    BufferedImage row = written.sample(Condition.WIDE, "12").picture();
    BufferedImage rows = new BufferedImage(row.getWidth(), 2 * row.getHeight(), row.getType());
    rows.getGraphics().drawImage(row, 0, 0, null);
    rows.getGraphics().drawImage(row, 0, row.getHeight(), null);
    NoDigitException e = assertThrows(NoDigitException.class, () -> reader.read(ink(rows)));
    assertTrue(e.getMessage().contains("row"), e.getMessage());
    BufferedImage many = written.sample(Condition.WIDE, "1234567890".repeat(2) + "5").picture();
    e = assertThrows(NoDigitException.class, () -> reader.read(ink(many)));
    assertTrue(e.getMessage().contains("at most 20"), e.getMessage());
  }

  private static InkImage ink(BufferedImage picture) {
    return PictureInk.of(EncodedImage.of(CanvasRenderer.png(picture))).ink();
  }
}
