package dev.digits.benchmark;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import java.nio.file.Path;

/**
 * Single-image speed of CNN files on the served engine, alternated in one JVM, {@code -Drounds=N}
 * rounds of 1 s warm-up and 3 s measured each: {@code java ... EngineSpeed models/cnn.zip
 * models/cnn-1.zip}. Compare engines by running it on two builds' classes in turn.
 */
public final class EngineSpeed {
  private EngineSpeed() {}

  public static void main(String[] args) {
    MnistDataset test = MnistFiles.fromSystemProperty().test();
    DigitClassifier[] cs = new DigitClassifier[args.length];
    for (int i = 0; i < args.length; i++) {
      Path p = Path.of(args[i]);
      cs[i] =
          ModelFiles.cnnForwardPass(
              ModelFiles.directory(p.getParent()), p.getFileName().toString());
    }
    int rounds = Integer.getInteger("rounds", 4);
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r + ":");
      for (int i = 0; i < cs.length; i++) {
        line.append(String.format("  %s %.0f/s", args[i], rate(cs[i], test)));
      }
      System.out.println(line);
    }
  }

  private static double rate(DigitClassifier c, MnistDataset test) {
    long end = System.nanoTime() + 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < end) c.probabilities(test.images()[i++ % test.size()]);
    long start = System.nanoTime();
    end = start + 3_000_000_000L;
    int n = 0;
    while (System.nanoTime() < end) {
      c.probabilities(test.images()[i++ % test.size()]);
      n++;
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }
}
