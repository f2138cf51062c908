package dev.digits.reading;

import java.util.Comparator;
import java.util.List;

/**
 * A run of atoms {@code from..to - 1} that might be one digit: their ink as one piece; how many
 * strokes it joins, and how many of them are a digit tall; its share of the cuts it keeps from its
 * neighbours (half of each, the other half being the neighbour's) and of the ink on them, in pen
 * widths; and the cuts inside it that it leaves uncut, with the least ink on any of them.
 */
record Candidate(
    int from,
    int to,
    Piece piece,
    int strokes,
    int tallStrokes,
    double openCuts,
    double openInk,
    int innerCuts,
    double innerInk) {
  /** The ink of the cheapest inner cut where there is none: more than any real cut crosses. */
  static final double NO_INNER_CUT = 4;

  static Candidate of(List<Atom> atoms, int from, int to) {
    List<Atom> run = atoms.subList(from, to);
    Piece piece = run.get(0).piece();
    double open = 0;
    double ink = 0;
    int inner = 0;
    double cheapest = NO_INNER_CUT;
    for (int i = 0; i < run.size(); i++) {
      Atom a = run.get(i);
      piece = i == 0 ? piece : piece.union(a.piece());
      open +=
          a.cutsOpenIn(run) / 2.0; // a cut's other half is charged to the digit on its other side
      ink += a.openCutsIn(run) / 2.0;
      if (a.index() < a.parts() - 1
          && run.stream().anyMatch(b -> b.stroke() == a.stroke() && b.index() == a.index() + 1)) {
        inner++;
        cheapest = Math.min(cheapest, a.cutAfter());
      }
    }
    int strokes = (int) run.stream().mapToInt(Atom::stroke).distinct().count();
    int tall =
        (int) run.stream().filter(Atom::tallStroke).mapToInt(Atom::stroke).distinct().count();
    return new Candidate(from, to, piece, strokes, tall, open, ink, inner, cheapest);
  }

  /** The widest gap along the row between the atoms' columns, 0 where they overlap or touch. */
  static int widestGap(List<Atom> atoms, int from, int to) {
    List<Piece> sorted =
        atoms.subList(from, to).stream()
            .map(Atom::piece)
            .sorted(Comparator.comparingInt(p -> p.left))
            .toList();
    int reach = sorted.get(0).right;
    int widest = 0;
    for (Piece p : sorted) {
      widest = Math.max(widest, p.left - reach - 1);
      reach = Math.max(reach, p.right);
    }
    return widest;
  }
}
