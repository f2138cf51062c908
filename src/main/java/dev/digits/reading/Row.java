package dev.digits.reading;

import java.util.List;
import java.util.Map;

/**
 * A picture's ink made ready to read: its atoms left to right, the digits' height, the pen's width,
 * and what the model already read of whole strokes (by stroke), so that no stroke is read twice.
 */
record Row(
    List<Atom> atoms, double digitHeight, double penWidth, Map<Integer, ReadPiece> readStrokes) {
  /** What the model read of the candidate where it is one whole stroke read before, else null. */
  ReadPiece readBefore(Candidate c) {
    Atom first = atoms.get(c.from());
    boolean wholeStroke = c.strokes() == 1 && c.to() - c.from() == first.parts();
    return wholeStroke ? readStrokes.get(first.stroke()) : null;
  }
}
