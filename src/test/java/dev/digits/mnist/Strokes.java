package dev.digits.mnist;

import java.util.ArrayList;
import java.util.List;

/**
 * A digit as the path of the pen that wrote it: an MNIST digit enlarged to a canvas, its ink
 * thinned to a one-pixel skeleton (Zhang and Suen's thinning), so that it can be drawn again with
 * another pen, or with a stroke added along its own (a flag, a crossbar, a tail).
 */
final class Strokes {
  private final int size;
  private final List<int[]> points;
  private final double penWidth;

  private Strokes(int size, List<int[]> points, double penWidth) {
    this.size = size;
    this.points = points;
    this.penWidth = penWidth;
  }

  /** The digit enlarged as the old app's canvas shows it (28 to {@code size}), then thinned. */
  static Strokes of(float[] mnist, int size) {
    double scale = size / 28.0;
    boolean[] ink = new boolean[size * size];
    int area = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (bilinear(mnist, 28, (x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5) > 0.5f) {
          ink[y * size + x] = true;
          area++;
        }
      }
    }
    thin(ink, size);
    List<int[]> points = new ArrayList<>();
    for (int i = 0; i < ink.length; i++) {
      if (ink[i]) {
        points.add(new int[] {i % size, i / size});
      }
    }
    return new Strokes(size, points, points.isEmpty() ? 1 : area / (double) points.size());
  }

  /** The width of the pen the digit was written with, in canvas pixels: ink area over length. */
  double penWidth() {
    return penWidth;
  }

  List<int[]> points() {
    return points;
  }

  /** Ink in 0..1 on the {@code size} x {@code size} canvas, drawn with a round pen. */
  float[] ink(double pen) {
    float[] out = new float[size * size];
    double r = pen / 2;
    int reach = (int) Math.ceil(r + 1);
    for (int[] p : points) {
      for (int dy = -reach; dy <= reach; dy++) {
        for (int dx = -reach; dx <= reach; dx++) {
          int x = p[0] + dx;
          int y = p[1] + dy;
          if (x < 0 || y < 0 || x >= size || y >= size) {
            continue;
          }
          // Antialiased edge: full ink inside the pen, fading over the last pixel.
          float v = (float) Math.max(0, Math.min(1, r + 0.5 - Math.hypot(dx, dy)));
          int i = y * size + x;
          out[i] = Math.max(out[i], v);
        }
      }
    }
    return out;
  }

  /** These strokes and a line through the given points, sampled a pixel apart. */
  Strokes with(double[]... path) {
    List<int[]> more = new ArrayList<>(points);
    for (int k = 1; k < path.length; k++) {
      double[] a = path[k - 1];
      double[] b = path[k];
      int steps = (int) Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]));
      for (int s = 0; s <= steps; s++) {
        double t = steps == 0 ? 0 : s / (double) steps;
        int x = (int) Math.round(a[0] + t * (b[0] - a[0]));
        int y = (int) Math.round(a[1] + t * (b[1] - a[1]));
        if (x >= 0 && y >= 0 && x < size && y < size) {
          more.add(new int[] {x, y});
        }
      }
    }
    return new Strokes(size, more, penWidth);
  }

  /** Zhang and Suen's two-pass thinning, in place. */
  private static void thin(boolean[] ink, int size) {
    List<Integer> clear = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int pass = 0; pass < 2; pass++) {
        clear.clear();
        for (int y = 1; y < size - 1; y++) {
          for (int x = 1; x < size - 1; x++) {
            int i = y * size + x;
            if (!ink[i]) {
              continue;
            }
            // Neighbours clockwise from north: p2..p9.
            boolean[] n = {
              ink[i - size],
              ink[i - size + 1],
              ink[i + 1],
              ink[i + size + 1],
              ink[i + size],
              ink[i + size - 1],
              ink[i - 1],
              ink[i - size - 1]
            };
            int count = 0;
            int transitions = 0;
            for (int k = 0; k < 8; k++) {
              count += n[k] ? 1 : 0;
              transitions += !n[k] && n[(k + 1) % 8] ? 1 : 0;
            }
            if (count < 2 || count > 6 || transitions != 1) {
              continue;
            }
            boolean remove =
                pass == 0
                    ? !(n[0] && n[2] && n[4]) && !(n[2] && n[4] && n[6])
                    : !(n[0] && n[2] && n[6]) && !(n[0] && n[4] && n[6]);
            if (remove) {
              clear.add(i);
            }
          }
        }
        for (int i : clear) {
          ink[i] = false;
        }
        changed |= !clear.isEmpty();
      }
    }
  }

  /** The value between the pixels of a {@code side} x {@code side} image; 0 outside it. */
  static float bilinear(float[] m, int side, double x, double y) {
    int ix = (int) Math.floor(x);
    int iy = (int) Math.floor(y);
    double fx = x - ix;
    double fy = y - iy;
    return (float)
        ((1 - fy) * ((1 - fx) * at(m, side, ix, iy) + fx * at(m, side, ix + 1, iy))
            + fy * ((1 - fx) * at(m, side, ix, iy + 1) + fx * at(m, side, ix + 1, iy + 1)));
  }

  private static float at(float[] m, int side, int x, int y) {
    return x < 0 || y < 0 || x >= side || y >= side ? 0 : m[y * side + x];
  }
}
