package dev.digits.benchmark;

import dev.digits.image.EncodedImage;
import dev.digits.image.ImageDecoder;
import dev.digits.image.InkExtractor;
import dev.digits.image.MnistFraming;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-process speed, no HTTP: images/s per model at batch 1 and 64, and one request's time split.
 * Part of the benchmark; also runs alone (exec:exec@model-speed), e.g. to compare ND4J thread
 * settings.
 */
public final class ModelSpeed {
  private ModelSpeed() {}

  public static void main(String[] args) {
    measure(MnistFiles.fromSystemProperty().test())
        .forEach((k, v) -> System.out.printf("%-32s %10.1f%n", k, v));
  }

  static Map<String, Double> measure(MnistDataset test) {
    Map<String, Double> out = new LinkedHashMap<>();
    Path dir = Path.of("models");
    Map<String, DigitClassifier> served = ModelFiles.byName(dir); // the engine the server runs
    DigitClassifier cnn = served.get("cnn");
    Map<String, DigitClassifier> models = new LinkedHashMap<>();
    models.put("ann", served.get("ann"));
    models.put("cnn", cnn);
    models.put("cnn_dl4j", ModelFiles.cnn(dir));
    models.put("ensemble", served.get("ensemble"));
    models.forEach(
        (name, c) -> {
          out.put(name + "_batch1_images_per_s", rate(c, test, 1));
          out.put(name + "_batch64_images_per_s", rate(c, test, 64));
        });
    out.putAll(split(test, cnn));
    return out;
  }

  private static double rate(DigitClassifier c, MnistDataset test, int batch) {
    float[][] images = new float[batch][];
    int done = 0;
    long warmEnd = System.nanoTime() + 2_000_000_000L;
    long start = 0;
    int counted = 0;
    while (true) {
      for (int i = 0; i < batch; i++) {
        images[i] = test.images()[(done + i) % test.size()];
      }
      c.probabilities(images);
      done += batch;
      long now = System.nanoTime();
      if (start == 0 && now > warmEnd) {
        start = now;
      } else if (start != 0) {
        counted += batch;
        if (now - start > 3_000_000_000L) {
          return counted / ((now - start) / 1e9);
        }
      }
    }
  }

  /**
   * Median microseconds of decode, ink extraction + framing, and classification for canvas PNGs.
   */
  private static Map<String, Double> split(MnistDataset test, DigitClassifier cnn) {
    int n = 2000;
    byte[][] pngs = new byte[200][];
    for (int i = 0; i < pngs.length; i++) {
      pngs[i] = CanvasRenderer.png(CanvasRenderer.render(test.images()[i], Style.oldCanvas()));
    }
    long[] decode = new long[n];
    long[] prep = new long[n];
    long[] classify = new long[n];
    for (int round = 0; round < 2; round++) { // the first round warms the JIT
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        ImageDecoder.Pixels p = ImageDecoder.decode(EncodedImage.of(pngs[i % pngs.length]));
        long t1 = System.nanoTime();
        float[] input =
            MnistFraming.toMnist(InkExtractor.fromArgb(p.width(), p.height(), p.argb()));
        long t2 = System.nanoTime();
        cnn.probabilities(input);
        long t3 = System.nanoTime();
        decode[i] = t1 - t0;
        prep[i] = t2 - t1;
        classify[i] = t3 - t2;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("request_decode_us_p50", median(decode) / 1000.0);
    out.put("request_preprocess_us_p50", median(prep) / 1000.0);
    out.put("request_classify_cnn_us_p50", median(classify) / 1000.0);
    return out;
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
