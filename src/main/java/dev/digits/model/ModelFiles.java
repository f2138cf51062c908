package dev.digits.model;

import dev.digits.model.cnn.CnnClassifier;
import dev.digits.model.scratch.ScratchNetworkFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the trained models live in a models folder, and how each is loaded from there. */
public final class ModelFiles {
  public static final String ANN = "ann.bin";
  public static final String CNN = "cnn.zip";

  private ModelFiles() {}

  public static DigitClassifier ann(Path dir) {
    return ScratchNetworkFile.load(existing(dir.resolve(ANN)));
  }

  public static DigitClassifier cnn(Path dir) {
    return CnnClassifier.load(existing(dir.resolve(CNN)));
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("model file " + file.toAbsolutePath() + " is missing");
    }
    return file;
  }
}
