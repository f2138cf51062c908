package dev.digits.reading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ways to read a row of atoms as digits, as a lattice: node i is the boundary before atom i,
 * and an edge from i to j reads atoms i..j-1 as one digit (or passes one stray mark over) with a
 * score, a log-likelihood. The reading is the best-scoring path from the first node to the last
 * (dynamic programming, as OCR engines do); the sum over all paths gives how much of the total it
 * holds.
 */
final class SegmentLattice {
  /** An edge; {@code digit} is null where the atom is passed over as a stray mark. */
  record Edge(int from, int to, double score, Scored digit) {}

  /** The best path's edges in order and its share of all paths' weight (0..1). */
  record Path(List<Edge> edges, double share) {}

  private final List<List<Edge>> into;

  SegmentLattice(int atoms) {
    into = new ArrayList<>();
    for (int i = 0; i <= atoms; i++) {
      into.add(new ArrayList<>());
    }
  }

  void add(Edge e) {
    into.get(e.to()).add(e);
  }

  Path best() {
    int n = into.size();
    double[] best = new double[n];
    double[] total = new double[n]; // log of the summed weight of all paths to the node
    Edge[] via = new Edge[n];
    for (int j = 1; j < n; j++) {
      best[j] = Double.NEGATIVE_INFINITY;
      total[j] = Double.NEGATIVE_INFINITY;
      for (Edge e : into.get(j)) {
        double s = best[e.from()] + e.score();
        if (s > best[j]) {
          best[j] = s;
          via[j] = e;
        }
        total[j] = logAdd(total[j], total[e.from()] + e.score());
      }
    }
    if (via[n - 1] == null) {
      throw new IllegalStateException("the lattice has no path: every atom needs an edge over it");
    }
    List<Edge> path = new ArrayList<>();
    for (int j = n - 1; j > 0; j = via[j].from()) {
      path.add(via[j]);
    }
    Collections.reverse(path);
    return new Path(path, Math.exp(best[n - 1] - total[n - 1]));
  }

  private static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }
}
