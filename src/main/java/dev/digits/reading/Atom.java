package dev.digits.reading;

import java.util.List;

/**
 * The smallest piece the reader puts digits together from: a whole stroke, or the {@code index}-th
 * of the {@code parts} that cuts divide stroke number {@code stroke} into. {@code cutBefore} and
 * {@code cutAfter} are the ink on the cuts at its left and right, in pen widths (0 where there is
 * no cut); {@code tallStroke} whether its stroke is tall enough to be a digit of its own.
 */
record Atom(
    Piece piece,
    int stroke,
    boolean tallStroke,
    int index,
    int parts,
    double cutBefore,
    double cutAfter) {
  /**
   * The ink on this atom's cuts that lead to parts outside the given run of atoms, in pen widths.
   */
  double openCutsIn(List<Atom> run) {
    double open = 0;
    if (index > 0 && run.stream().noneMatch(a -> a.stroke == stroke && a.index == index - 1)) {
      open += cutBefore;
    }
    if (index < parts - 1
        && run.stream().noneMatch(a -> a.stroke == stroke && a.index == index + 1)) {
      open += cutAfter;
    }
    return open;
  }

  /** How many of this atom's cuts lead to parts outside the given run of atoms (0, 1 or 2). */
  int cutsOpenIn(List<Atom> run) {
    int open = 0;
    if (index > 0 && run.stream().noneMatch(a -> a.stroke == stroke && a.index == index - 1)) {
      open++;
    }
    if (index < parts - 1
        && run.stream().noneMatch(a -> a.stroke == stroke && a.index == index + 1)) {
      open++;
    }
    return open;
  }
}
