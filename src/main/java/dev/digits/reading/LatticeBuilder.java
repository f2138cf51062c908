package dev.digits.reading;

import dev.digits.image.InkImage;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the candidate digits of a row of atoms into a {@link SegmentLattice}: runs of up to {@link
 * #MAX_ATOMS} atoms whose shape could be one digit, each cut out and classified (all in one batch),
 * and scored by how likely it is to be one whole digit; small atoms may also be passed over.
 */
final class LatticeBuilder {
  static final int MAX_ATOMS = 10;

  /**
   * A digit is at most this much wider than tall (MNIST's widest 2s and 5s, at the 99th percentile,
   * 1.67).
   */
  private static final double MAX_ASPECT = 1.8;

  /**
   * A whole stroke may be one digit up to this much wider than tall (MNIST's widest 2s and 5s,
   * 2.5).
   */
  private static final double MAX_STROKE_ASPECT = 2.2;

  /**
   * Atoms smaller than this share of the digit height on both sides are not read as a digit alone.
   */
  private static final double TINY = 0.3;

  /** Atoms smaller than this on both sides may be passed over as a stray mark. */
  private static final double STRAY = 0.4;

  private LatticeBuilder() {}

  /** Every candidate digit of the row, cut out, classified and described. */
  static List<Scored> candidates(
      InkImage picture, Row row, DigitClassifier classifier, Tuning tuning) {
    List<Candidate> candidates = candidates(row.atoms(), row.digitHeight(), tuning);
    ReadPiece[] read = new ReadPiece[candidates.size()];
    List<Integer> unread = new ArrayList<>();
    for (int i = 0; i < read.length; i++) {
      read[i] = row.readBefore(candidates.get(i));
      if (read[i] == null) {
        unread.add(i);
      }
    }
    List<ReadPiece> fresh =
        DigitCrop.read(
            picture,
            unread.stream().map(i -> candidates.get(i).piece()).toList(),
            classifier,
            (float) tuning.threshold());
    for (int k = 0; k < fresh.size(); k++) {
      read[unread.get(k)] = fresh.get(k);
    }
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < read.length; i++) {
      Candidate c = candidates.get(i);
      Prediction p = Prediction.of(read[i].probabilities());
      int gap = Candidate.widestGap(row.atoms(), c.from(), c.to());
      scored.add(
          new Scored(c, p, read[i].input(), SegmentFeatures.of(c, p, row.digitHeight(), gap)));
    }
    return scored;
  }

  static SegmentLattice lattice(
      Row row, List<Scored> candidates, Tuning tuning, SegmentScore score) {
    SegmentLattice lattice = new SegmentLattice(row.atoms().size());
    for (Scored s : candidates) {
      lattice.add(
          new SegmentLattice.Edge(
              s.candidate().from(),
              s.candidate().to(),
              score == null
                  ? heuristic(s, row, tuning)
                  : score.of(s.features()) + tuning.segmentBonus(),
              s));
    }
    for (int i : strays(row)) {
      double[] f = SegmentFeatures.stray(row.atoms().get(i).piece(), row.digitHeight());
      lattice.add(
          new SegmentLattice.Edge(
              i, i + 1, score == null ? -tuning.skipCost() : score.of(f), null));
    }
    return lattice;
  }

  /** The atoms small enough to be passed over as stray marks. */
  static List<Integer> strays(Row row) {
    List<Integer> strays = new ArrayList<>();
    for (int i = 0; i < row.atoms().size(); i++) {
      Piece p = row.atoms().get(i).piece();
      if (Math.max(p.width(), p.height()) < STRAY * row.digitHeight()) {
        strays.add(i);
      }
    }
    return strays;
  }

  private static double heuristic(Scored s, Row row, Tuning tuning) {
    Candidate c = s.candidate();
    Prediction p = s.prediction();
    return Math.log(Math.max(p.confidence(), 1e-9))
        + tuning
            .shapePrior()
            .logPrior(p.digit(), c.piece().width(), c.piece().height(), row.digitHeight())
        + tuning.segmentBonus()
        - tuning.joinCost() * (c.strokes() - 1)
        - tuning.tallJoinCost() * Math.max(0, c.tallStrokes() - 1)
        - tuning.cutCost() * c.openCuts()
        - tuning.crossCost() * c.openInk();
  }

  /**
   * Every run of atoms that could be one digit by its size, shape and gaps; a whole stroke more
   * readily.
   */
  private static List<Candidate> candidates(List<Atom> atoms, double digitHeight, Tuning tuning) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      Piece first = atoms.get(i).piece();
      if (Math.max(first.width(), first.height()) >= TINY * digitHeight) {
        out.add(Candidate.of(atoms, i, i + 1));
      }
      for (int j = i + 2; j <= Math.min(atoms.size(), i + MAX_ATOMS); j++) {
        if (Candidate.widestGap(atoms, i, j) > tuning.maxGap() * digitHeight) {
          continue;
        }
        Candidate c = Candidate.of(atoms, i, j);
        Piece p = c.piece();
        boolean wholeStroke =
            c.strokes() == 1 && c.openCuts() == 0 && p.width() <= MAX_STROKE_ASPECT * p.height();
        if (wholeStroke
            || p.width() <= MAX_ASPECT * p.height()
                && p.width() <= MAX_ASPECT * digitHeight
                && p.height() >= TINY * digitHeight) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
