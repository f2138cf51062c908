package dev.digits.reading;

import dev.digits.image.EncodedImage;
import dev.digits.image.InkImage;
import dev.digits.image.PictureInk;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenNumbers;
import dev.digits.mnist.WrittenNumbers.Condition;
import dev.digits.mnist.WrittenNumbers.Sample;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fits {@link SegmentScore#FITTED}: the weights under which the lattice's best path reads numbers
 * written with MNIST <em>training</em> digits right (never test digits, which only measure). An
 * averaged structured perceptron: each number's lattice is built once with the CNN (candidates,
 * their features and digits do not depend on the weights); then, for every number the current
 * weights misread, the weights move towards the features of the best path that reads it right and
 * away from those of the path they chose.
 *
 * <pre>
 * mvn -q test-compile exec:exec@fit-segment-score   # prints the weights for SegmentScore.FITTED
 * </pre>
 */
public final class FitSegmentScore {
  private static final long SEED = 7;
  private static final int PER_CONDITION = Integer.getInteger("fit.count", 1000);
  private static final int EPOCHS = Integer.getInteger("fit.epochs", 40);

  /** One lattice edge as the fit sees it: atoms from..to, read as digit (or -1: a stray mark). */
  private record Edge(int from, int to, int digit, double[] features) {}

  /** A number's lattice and the digits it should read. */
  private record Lattice(Condition condition, int nodes, List<List<Edge>> into, int[] truth) {}

  private FitSegmentScore() {}

  public static void main(String[] args) throws Exception {
    DigitClassifier model =
        ModelFiles.byName(Path.of("models")).get(System.getProperty("fit.model", "cnn"));
    NumberReader reader = NumberReader.tunedBySystemProperties(model); // -Dreading.<setting>=
    WrittenNumbers writer = new WrittenNumbers(MnistFixture.training(), SEED);
    List<Sample> samples = new ArrayList<>();
    for (Condition condition : Condition.values()) {
      samples.addAll(writer.samples(condition, PER_CONDITION));
    }
    List<Lattice> lattices =
        samples.parallelStream().map(s -> lattice(reader, s)).filter(l -> l != null).toList();
    int reachable = (int) lattices.stream().filter(l -> constrained(l, start()) != null).count();
    System.out.printf(
        "%d numbers, %d with a path that reads them right%n", lattices.size(), reachable);
    double[] w = perceptron(lattices);
    for (Condition c : Condition.values()) {
      List<Lattice> of = lattices.stream().filter(l -> l.condition() == c).toList();
      System.out.printf(
          Locale.ROOT,
          "%-9s read right %.4f, a right path in the lattice %.4f%n",
          c,
          accuracy(of, w),
          of.stream().filter(l -> constrained(l, w) != null).count() / (double) of.size());
    }
    System.out.println(
        IntStream.range(0, w.length)
            .mapToObj(i -> String.format(Locale.ROOT, "%.4f", w[i]))
            .collect(Collectors.joining(", ", "{", "}")));
  }

  /** Where the fit starts: the model's log-probability alone, every other feature weighing 0. */
  private static double[] start() {
    double[] w = new double[SegmentFeatures.NAMES.length];
    w[1] = 1;
    return w;
  }

  private static Lattice lattice(NumberReader reader, Sample s) {
    InkImage picture = PictureInk.of(EncodedImage.of(s.bytes())).ink();
    Row row;
    try {
      row = reader.row(picture);
    } catch (RuntimeException e) {
      return null; // refused before any reading: no weight can help it
    }
    int n = row.atoms().size() + 1;
    List<List<Edge>> into = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      into.add(new ArrayList<>());
    }
    for (Scored c : LatticeBuilder.candidates(picture, row, reader.classifier(), reader.tuning())) {
      into.get(c.candidate().to())
          .add(
              new Edge(
                  c.candidate().from(), c.candidate().to(), c.prediction().digit(), c.features()));
    }
    for (int i : LatticeBuilder.strays(row)) {
      into.get(i + 1)
          .add(
              new Edge(
                  i,
                  i + 1,
                  -1,
                  SegmentFeatures.stray(row.atoms().get(i).piece(), row.digitHeight())));
    }
    int[] truth = s.number().chars().map(ch -> ch - '0').toArray();
    return new Lattice(s.condition(), n, into, truth);
  }

  private static double[] perceptron(List<Lattice> lattices) {
    double[] w = start();
    double[] sum = new double[w.length];
    long steps = 0;
    Random order = new Random(SEED);
    List<Lattice> shuffled = new ArrayList<>(lattices);
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
      java.util.Collections.shuffle(shuffled, order);
      int wrong = 0;
      for (Lattice l : shuffled) {
        List<Edge> right = constrained(l, w);
        if (right != null) {
          List<Edge> chosen = best(l, w);
          if (!reads(chosen, l.truth())) {
            wrong++;
            add(w, right, 1);
            add(w, chosen, -1);
          }
        }
        for (int i = 0; i < w.length; i++) {
          sum[i] += w[i];
        }
        steps++;
      }
      System.out.printf("epoch %d: %d misread%n", epoch, wrong);
    }
    for (int i = 0; i < w.length; i++) {
      sum[i] /= steps;
    }
    return sum;
  }

  private static double accuracy(List<Lattice> lattices, double[] w) {
    return lattices.stream().filter(l -> reads(best(l, w), l.truth())).count()
        / (double) lattices.size();
  }

  private static void add(double[] w, List<Edge> path, double sign) {
    for (Edge e : path) {
      for (int i = 0; i < w.length; i++) {
        w[i] += sign * e.features()[i];
      }
    }
  }

  private static boolean reads(List<Edge> path, int[] truth) {
    int[] digits = path.stream().filter(e -> e.digit() >= 0).mapToInt(Edge::digit).toArray();
    return java.util.Arrays.equals(digits, truth);
  }

  private static double score(Edge e, double[] w) {
    double z = 0;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * e.features()[i];
    }
    return z;
  }

  /** The best path, as the reader finds it. */
  private static List<Edge> best(Lattice l, double[] w) {
    double[] best = new double[l.nodes()];
    Edge[] via = new Edge[l.nodes()];
    for (int j = 1; j < l.nodes(); j++) {
      best[j] = Double.NEGATIVE_INFINITY;
      for (Edge e : l.into().get(j)) {
        double s = best[e.from()] + score(e, w);
        if (s > best[j]) {
          best[j] = s;
          via[j] = e;
        }
      }
    }
    List<Edge> path = new ArrayList<>();
    for (int j = l.nodes() - 1; j > 0 && via[j] != null; j = via[j].from()) {
      path.add(0, via[j]);
    }
    return path;
  }

  /** The best path that reads the true digits, or null where none does. */
  private static List<Edge> constrained(Lattice l, double[] w) {
    int k = l.truth().length;
    double[][] best = new double[l.nodes()][k + 1];
    Edge[][] via = new Edge[l.nodes()][k + 1];
    for (double[] row : best) {
      java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    best[0][0] = 0;
    for (int j = 1; j < l.nodes(); j++) {
      for (Edge e : l.into().get(j)) {
        for (int read = 0; read <= k; read++) {
          int before = e.digit() < 0 ? read : read - 1;
          if (before < 0 || e.digit() >= 0 && l.truth()[read - 1] != e.digit()) {
            continue;
          }
          double s = best[e.from()][before] + score(e, w);
          if (s > best[j][read]) {
            best[j][read] = s;
            via[j][read] = e;
          }
        }
      }
    }
    if (via[l.nodes() - 1][k] == null) {
      return null;
    }
    List<Edge> path = new ArrayList<>();
    for (int j = l.nodes() - 1, read = k; j > 0; ) {
      Edge e = via[j][read];
      path.add(0, e);
      read -= e.digit() < 0 ? 0 : 1;
      j = e.from();
    }
    return path;
  }
}
