package dev.digits.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a row's strokes into atoms, more than the digits there are: each stroke wide enough to be
 * two touching digits is cut at every candidate place ({@link CutFinder}), and the lattice later
 * decides which cuts to keep by putting atoms back together. The atoms come out ordered by their
 * centre.
 */
final class Oversegmenter {
  /**
   * A part narrower than this share of the digit height is a sliver of a cut, not a part of a
   * digit.
   */
  private static final double MIN_PART = 0.06;

  /**
   * Only a stroke this tall (a share of the digit height) may be touching digits; a flag or a bar
   * is not.
   */
  private static final double TALL = 0.6;

  /** Cuts keep this share of the digit height from a stroke's sides, ... */
  private static final double MARGIN = 0.1;

  /** ... and from each other. */
  private static final double SPACING = 0.05;

  /**
   * A cut goes no further sideways than this share of the digit height from its column: nearly
   * straight. Touching digits meet where their boxes overlap, and straight cuts from many columns
   * find that place; cuts free to wander (0.12) ran together into the same few paths. On numbers of
   * MNIST training digits touching, the digits with no candidate matching them (their extent
   * overlapping 80 %) fell from 193 of 3,094 to 72 with these three settings (0.12, 0.3, 0.08
   * before).
   */
  private static final double REACH = 0.03;

  /**
   * A stroke gets one candidate cut per this share of the digit height in its width: each costs
   * model calls, which {@link WholeStrokes} saves on strokes that are one digit.
   */
  private static final double PER_CUT = 0.15;

  private Oversegmenter() {}

  /**
   * The row's atoms; {@code whole} says which strokes were read as one digit beyond doubt ({@link
   * WholeStrokes}) and are left uncut.
   */
  static List<Atom> atoms(
      List<Piece> strokes, boolean[] whole, double digitHeight, double penWidth, Tuning tuning) {
    List<Atom> atoms = new ArrayList<>();
    for (int s = 0; s < strokes.size(); s++) {
      Piece stroke = strokes.get(s);
      boolean mayBeSeveral = !whole[s] && mayBeSeveral(stroke, digitHeight, tuning);
      List<Cut> cuts = mayBeSeveral ? cuts(stroke, digitHeight) : List.of();
      for (int i = 0; i <= cuts.size(); i++) {
        Cut before = i == 0 ? null : cuts.get(i - 1);
        Cut after = i == cuts.size() ? null : cuts.get(i);
        atoms.add(
            new Atom(
                stroke.between(before, after),
                s,
                isTall(stroke, digitHeight),
                i,
                cuts.size() + 1,
                ink(before, penWidth),
                ink(after, penWidth)));
      }
    }
    atoms.sort(Comparator.comparingDouble(a -> a.piece().centreX()));
    return atoms;
  }

  private static double ink(Cut cut, double penWidth) {
    return cut == null ? 0 : cut.inkCrossed() / penWidth;
  }

  /** The stroke's candidate cuts, less those that would leave a sliver on either side. */
  static List<Cut> cuts(Piece stroke, double digitHeight) {
    List<Cut> kept = new ArrayList<>();
    Cut last = null;
    int margin = Math.max(2, (int) Math.round(MARGIN * digitHeight));
    int spacing = Math.max(2, (int) Math.round(SPACING * digitHeight));
    int maxCuts = (int) Math.ceil(stroke.width() / (PER_CUT * digitHeight));
    int reach = Math.max(2, (int) Math.round(REACH * digitHeight));
    for (Cut cut : CutFinder.cuts(stroke, margin, spacing, reach, maxCuts)) {
      if (isPart(stroke.between(last, cut), digitHeight)
          && isPart(stroke.between(cut, null), digitHeight)
          && isTall(stroke.between(null, cut), digitHeight)
          && isTall(stroke.between(cut, null), digitHeight)) {
        kept.add(cut);
        last = cut;
      }
    }
    return kept;
  }

  /** Whether a stroke is wide and tall enough to be touching digits. */
  static boolean mayBeSeveral(Piece stroke, double digitHeight, Tuning tuning) {
    return stroke.width() > tuning.cutFrom() * digitHeight && isTall(stroke, digitHeight);
  }

  /**
   * Touching digits are each a digit tall: a cut that leaves only a flag or a bar on one side is no
   * cut.
   */
  static boolean isTall(Piece p, double digitHeight) {
    return p.height() >= TALL * digitHeight;
  }

  private static boolean isPart(Piece p, double digitHeight) {
    return !p.isEmpty()
        && Math.max(p.width(), p.height()) >= MIN_PART * digitHeight * 2
        && p.width() >= MIN_PART * digitHeight;
  }
}
