package dev.digits.reading;

import dev.digits.image.InkImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the connected strokes of a picture: its ink above a threshold as runs along each row, runs
 * that touch across rows (diagonally too: 8-connectivity) joined by union-find. Runs, not pixels,
 * so the labels cost a pass over the ink and little more.
 */
final class StrokeFinder {
  private StrokeFinder() {}

  /** The strokes, in no particular order. */
  static List<Piece> strokes(InkImage img, float threshold) {
    Runs runs = Runs.of(img, threshold);
    int[] parent = new int[runs.count];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int y = 1; y < img.height(); y++) {
      joinRows(runs, runs.rowStart[y - 1], runs.rowStart[y], runs.rowStart[y + 1], parent);
    }
    return group(runs, parent);
  }

  /** Joins each run of one row to the runs of the row above that it touches, edge or corner. */
  private static void joinRows(Runs runs, int above, int from, int to, int[] parent) {
    int a = above;
    for (int i = from; i < to; i++) {
      while (a < from && runs.to[a] < runs.from[i] - 1) {
        a++;
      }
      for (int j = a; j < from && runs.from[j] <= runs.to[i] + 1; j++) {
        union(parent, i, j);
      }
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private static List<Piece> group(Runs runs, int[] parent) {
    int[] size = new int[runs.count];
    for (int i = 0; i < runs.count; i++) {
      size[find(parent, i)]++;
    }
    int[][] rows = new int[runs.count][];
    int[][] from = new int[runs.count][];
    int[][] to = new int[runs.count][];
    int[] filled = new int[runs.count];
    for (int i = 0; i < runs.count; i++) {
      int root = find(parent, i);
      if (rows[root] == null) {
        rows[root] = new int[size[root]];
        from[root] = new int[size[root]];
        to[root] = new int[size[root]];
      }
      int k = filled[root]++;
      rows[root][k] = runs.row[i];
      from[root][k] = runs.from[i];
      to[root][k] = runs.to[i];
    }
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < runs.count; i++) {
      if (rows[i] != null) {
        pieces.add(new Piece(rows[i], from[i], to[i], size[i]));
      }
    }
    return pieces;
  }

  /** The runs of ink above the threshold, row by row; {@code rowStart[y]} is row y's first run. */
  private static final class Runs {
    int count;
    int[] row = new int[256];
    int[] from = new int[256];
    int[] to = new int[256];
    int[] rowStart;

    static Runs of(InkImage img, float threshold) {
      Runs runs = new Runs();
      int w = img.width();
      float[] ink = img.ink();
      runs.rowStart = new int[img.height() + 1];
      for (int y = 0; y < img.height(); y++) {
        runs.rowStart[y] = runs.count;
        int base = y * w;
        for (int x = 0; x < w; x++) {
          if (ink[base + x] > threshold) {
            int start = x;
            while (x + 1 < w && ink[base + x + 1] > threshold) {
              x++;
            }
            runs.add(y, start, x);
          }
        }
      }
      runs.rowStart[img.height()] = runs.count;
      return runs;
    }

    private void add(int y, int x0, int x1) {
      if (count == row.length) {
        row = Arrays.copyOf(row, 2 * count);
        from = Arrays.copyOf(from, 2 * count);
        to = Arrays.copyOf(to, 2 * count);
      }
      row[count] = y;
      from[count] = x0;
      to[count] = x1;
      count++;
    }
  }
}
