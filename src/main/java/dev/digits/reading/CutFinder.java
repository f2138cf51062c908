package dev.digits.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a wide stroke might be two or more digits touching. From columns a few pixels apart, the
 * top-to-bottom path near each that crosses the least ink (dynamic programming: at most one pixel
 * sideways per row, within {@code reach} of its column), so a cut can follow the gap between
 * slanted digits and cross them only where they touch; the columns whose path is cheaper than both
 * neighbours' give the candidates.
 */
final class CutFinder {
  /**
   * A step sideways costs this share of a pixel of ink, so that of two equal paths the straighter
   * wins.
   */
  private static final double SIDE_STEP = 0.2;

  /**
   * Each pixel away from its column costs this much ink: the path stays near where it was asked
   * for.
   */
  private static final double DRIFT = 0.01;

  private CutFinder() {}

  /**
   * Candidate cuts, left to right and not crossing, at most {@code maxCuts} (the ones crossing the
   * least ink), each at least {@code spacing} from the others and starting {@code margin} from the
   * sides.
   */
  static List<Cut> cuts(Piece piece, int margin, int spacing, int reach, int maxCuts) {
    int w = piece.width();
    int h = piece.height();
    boolean[] mask = piece.mask();
    int step = Math.max(1, spacing / 2);
    List<Cut> paths = new ArrayList<>();
    for (int column = margin; column < w - margin; column += step) {
      paths.add(path(mask, w, h, column, reach, piece.left, piece.top));
    }
    List<Cut> found = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      int c = paths.get(i).inkCrossed();
      if ((i == 0 || c < paths.get(i - 1).inkCrossed())
          && (i == paths.size() - 1 || c <= paths.get(i + 1).inkCrossed())) {
        found.add(paths.get(i));
      }
    }
    found.sort(Comparator.comparingInt(Cut::inkCrossed));
    List<Cut> kept = new ArrayList<>();
    for (Cut c : found) {
      if (kept.size() < maxCuts
          && kept.stream().allMatch(k -> Math.abs(k.meanX() - c.meanX()) >= spacing)) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingDouble(Cut::meanX));
    return nonCrossing(kept);
  }

  /**
   * The cheapest path from the top row to the bottom one within {@code reach} columns of {@code
   * column}.
   */
  private static Cut path(boolean[] mask, int w, int h, int column, int reach, int left, int top) {
    int lo = Math.max(0, column - reach);
    int hi = Math.min(w - 1, column + reach);
    int span = hi - lo + 1;
    double[] cost = new double[span];
    double[] next = new double[span];
    byte[][] step = new byte[h][span];
    for (int i = 0; i < span; i++) {
      cost[i] = pixelCost(mask, w, 0, lo + i, column);
    }
    for (int y = 1; y < h; y++) {
      for (int i = 0; i < span; i++) {
        double best = cost[i];
        byte from = 0;
        if (i > 0 && cost[i - 1] + SIDE_STEP < best) {
          best = cost[i - 1] + SIDE_STEP;
          from = -1;
        }
        if (i + 1 < span && cost[i + 1] + SIDE_STEP < best) {
          best = cost[i + 1] + SIDE_STEP;
          from = 1;
        }
        next[i] = best + pixelCost(mask, w, y, lo + i, column);
        step[y][i] = from;
      }
      double[] t = cost;
      cost = next;
      next = t;
    }
    int end = 0;
    for (int i = 1; i < span; i++) {
      end = cost[i] < cost[end] ? i : end;
    }
    int[] xs = new int[h];
    int crossed = 0;
    for (int y = h - 1, i = end; y >= 0; i += step[y][i], y--) {
      xs[y] = left + lo + i;
      crossed += mask[y * w + lo + i] ? 1 : 0;
    }
    return new Cut(top, xs, crossed);
  }

  private static double pixelCost(boolean[] mask, int w, int y, int x, int column) {
    return (mask[y * w + x] ? 1 : 0) + DRIFT * Math.abs(x - column);
  }

  /**
   * Each cut moved right where it would cross the one before, so the parts between them are
   * ordered.
   */
  private static List<Cut> nonCrossing(List<Cut> cuts) {
    List<Cut> out = new ArrayList<>();
    int[] previous = null;
    for (Cut c : cuts) {
      int[] xs = c.lastLeft().clone();
      for (int y = 0; previous != null && y < xs.length; y++) {
        xs[y] = Math.max(xs[y], previous[y]);
      }
      out.add(new Cut(c.top(), xs, c.inkCrossed()));
      previous = xs;
    }
    return out;
  }
}
