package dev.digits.reading;

import dev.digits.image.NoDigitException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the reader makes sure of before it reads: that there is ink, how tall the row's digits are,
 * that the ink is one row (not two lines of writing, not a drawing), and that it cannot hold more
 * digits than a reading may have. Each refusal says what was seen.
 */
final class RowCheck {
  /**
   * Marks smaller than this share of the digit height on both sides are specks of dust or noise.
   */
  private static final double DUST = 0.08;

  /** Strokes at least this share of the tallest count when judging the digit height. */
  private static final double TALL = 0.5;

  /**
   * Strokes one above the other are two rows only when each is at least this share of the digit
   * height: the two pieces of one digit cut across (a 7's bar drawn apart from its stem) are
   * shorter together than a digit, so they cannot both be.
   */
  private static final double ROW = 0.7;

  private RowCheck() {}

  /** The median height of the tall strokes: the height of the row's digits. */
  static double digitHeight(List<Piece> strokes) {
    if (strokes.isEmpty()) {
      throw new NoDigitException("no digit found: the picture has no clear strokes");
    }
    int tallest = strokes.stream().mapToInt(Piece::height).max().orElseThrow();
    int[] heights =
        strokes.stream()
            .mapToInt(Piece::height)
            .filter(h -> h >= TALL * tallest)
            .sorted()
            .toArray();
    return heights[heights.length / 2];
  }

  /** The width of the pen: the median length of the strokes' runs, most of which cross a stroke. */
  static double penWidth(List<Piece> strokes) {
    int[] lengths =
        strokes.stream().flatMapToInt(p -> Arrays.stream(p.runLengths())).sorted().toArray();
    return Math.max(1, lengths[lengths.length / 2]);
  }

  /** The strokes without the specks. */
  static List<Piece> withoutDust(List<Piece> strokes, double digitHeight) {
    List<Piece> kept = new ArrayList<>();
    for (Piece p : strokes) {
      if (Math.max(p.width(), p.height()) >= DUST * digitHeight) {
        kept.add(p);
      }
    }
    return kept;
  }

  /**
   * Refuses ink in several rows: a band of tall strokes wholly below another that shares its
   * columns.
   */
  static void oneRow(List<Piece> strokes, double digitHeight) {
    for (Piece a : strokes) {
      for (Piece b : strokes) {
        if (a != b
            && a.height() >= ROW * digitHeight
            && b.height() >= ROW * digitHeight
            && b.top > a.bottom
            && overlap(a, b) > 0.5 * Math.min(a.width(), b.width())) {
          throw new NoDigitException(
              "the ink is not one row of digits: it is in several rows, one above the other;"
                  + " write the number on one line");
        }
      }
    }
    if (bands(strokes, digitHeight) > 1) {
      throw new NoDigitException(
          "the ink is not one row of digits: it is in several rows, one above the other;"
              + " write the number on one line");
    }
  }

  /** Refuses a drawing: a tall stroke wholly inside another's box, as in a face or a house. */
  static void notADrawing(List<Piece> strokes, double digitHeight) {
    for (Piece outer : strokes) {
      for (Piece inner : strokes) {
        if (outer != inner
            && inner.height() >= 0.25 * digitHeight
            && inner.left > outer.left
            && inner.right < outer.right
            && inner.top > outer.top
            && inner.bottom < outer.bottom) {
          throw new NoDigitException(
              "the ink does not look like a row of digits (strokes drawn inside others,"
                  + " as in a drawing); write digits side by side");
        }
      }
    }
  }

  /** How many horizontal bands of ink, separated by blank rows, are at least half a digit tall. */
  private static int bands(List<Piece> strokes, double digitHeight) {
    int top = strokes.stream().mapToInt(p -> p.top).min().orElseThrow();
    int bottom = strokes.stream().mapToInt(p -> p.bottom).max().orElseThrow();
    boolean[] inked = new boolean[bottom - top + 1];
    for (Piece p : strokes) {
      Arrays.fill(inked, p.top - top, p.bottom - top + 1, true);
    }
    int tall = 0;
    for (int y = 0; y < inked.length; y++) {
      int start = y;
      while (y < inked.length && inked[y]) {
        y++;
      }
      tall += y - start >= TALL * digitHeight ? 1 : 0;
    }
    return tall;
  }

  private static int overlap(Piece a, Piece b) {
    return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1);
  }
}
