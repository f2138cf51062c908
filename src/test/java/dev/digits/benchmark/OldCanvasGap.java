package dev.digits.benchmark;

import dev.digits.image.EncodedImage;
import dev.digits.image.Preprocessor;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import java.nio.file.Path;

/**
 * MnistOverHttpIT's legacy-route check in process: for test digits FROM..FROM+N, how many each CNN
 * reads drawn on the old app's canvas (through the server's framing) and as stored, and which it
 * misses on the canvas. {@code java ... OldCanvasGap 1000 300 models/cnn.zip models/cnn-1.zip}
 */
public final class OldCanvasGap {
  private OldCanvasGap() {}

  public static void main(String[] args) throws Exception {
    MnistDataset test = MnistFiles.fromSystemProperty().test();
    int from = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]);
    for (int a = 2; a < args.length; a++) {
      Path p = Path.of(args[a]);
      DigitClassifier c =
          ModelFiles.cnnForwardPass(
              ModelFiles.directory(p.getParent()), p.getFileName().toString());
      int canvas = 0, raw = 0;
      StringBuilder wrong = new StringBuilder();
      for (int i = from; i < from + n; i++) {
        float[] x =
            Preprocessor.toMnist(
                EncodedImage.of(
                    CanvasRenderer.png(
                        CanvasRenderer.render(test.images()[i], Style.oldCanvas()))));
        int pc = Prediction.argmax(c.probabilities(x));
        int pr = Prediction.argmax(c.probabilities(test.images()[i]));
        canvas += pc == test.labels()[i] ? 1 : 0;
        raw += pr == test.labels()[i] ? 1 : 0;
        if (pc != test.labels()[i])
          wrong.append(" ").append(i).append(":").append(test.labels()[i]).append("->").append(pc);
      }
      System.out.printf(
          "%s digits %d-%d: old canvas %d, raw %d;%s%n",
          args[a], from, from + n, canvas, raw, wrong);
    }
  }
}
