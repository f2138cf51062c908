package dev.digits.model;

import dev.digits.model.ann.AnnFile;
import dev.digits.model.cnn.CnnClassifier;
import dev.digits.model.cnn.CnnForwardPass;
import dev.digits.model.cnn.SavedNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trained models' file names, and how each model is loaded from a folder or the class path. */
public final class ModelFiles {
  public static final String ANN = "ann.bin";
  public static final String CNN = "cnn.zip";

  /**
   * The CNN committee's files: networks trained with their own seeds, examples and shapes
   * (TrainCnn). The first is {@link #CNN}, which the legacy route serves alone. The first member
   * ({@code cnn-1.zip}, the CNN served before the deeper one) is left out: with it the committee
   * read one MNIST digit in 10,000 more and ran a third slower (README, The models).
   */
  public static final List<String> CNN_COMMITTEE = List.of(CNN, "cnn-2.zip", "cnn-3.zip");

  private ModelFiles() {}

  /** Where model files come from: a folder on disk, or the models packed into the application. */
  public interface Source {
    InputStream open(String name) throws IOException;

    String describe(String name);
  }

  public static Source directory(Path dir) {
    return new Source() {
      @Override
      public InputStream open(String name) throws IOException {
        return Files.newInputStream(dir.resolve(name));
      }

      @Override
      public String describe(String name) {
        return dir.resolve(name).toAbsolutePath().toString();
      }
    };
  }

  public static Source classpath(ClassLoader loader, String folder) {
    return new Source() {
      @Override
      public InputStream open(String name) throws IOException {
        InputStream in = loader.getResourceAsStream(folder + "/" + name);
        if (in == null) {
          throw new NoSuchFileException(describe(name));
        }
        return in;
      }

      @Override
      public String describe(String name) {
        return "classpath:" + folder + "/" + name;
      }
    };
  }

  public static DigitClassifier ann(Source source) {
    try (InputStream in = open(source, ANN)) {
      return AnnFile.read(in, source.describe(ANN));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.describe(ANN), e);
    }
  }

  public static CnnClassifier cnn(Source source) {
    return cnn(source, CNN);
  }

  /** A CNN of the committee ({@link #CNN_COMMITTEE}) by its file name. */
  public static CnnClassifier cnn(Source source, String file) {
    try (InputStream in = open(source, file)) {
      return CnnClassifier.read(in, source.describe(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.describe(file), e);
    }
  }

  /** The CNN's file read without ND4J, for the served engine ({@link CnnForwardPass}). */
  public static CnnForwardPass cnnForwardPass(Source source) {
    return cnnForwardPass(source, CNN);
  }

  /** A CNN of the committee read without ND4J. */
  public static CnnForwardPass cnnForwardPass(Source source, String file) {
    try (InputStream in = open(source, file)) {
      return CnnForwardPass.of(SavedNetwork.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.describe(file), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot read " + source.describe(file) + ": " + e.getMessage(), e);
    }
  }

  /** The CNN committee read without ND4J, in {@link #CNN_COMMITTEE}'s order. */
  public static List<CnnForwardPass> cnnCommittee(Source source) {
    return CNN_COMMITTEE.stream().map(file -> cnnForwardPass(source, file)).toList();
  }

  /**
   * The models the server answers with, by name ({@code ann}, {@code cnn}, {@code ensemble}), as
   * trained (before their cards' temperatures), the CNNs on the served engine.
   */
  public static Map<String, DigitClassifier> byName(Path dir) {
    DigitClassifier ann = ann(dir);
    List<CnnForwardPass> cnns = cnnCommittee(directory(dir));
    Map<String, DigitClassifier> models = new LinkedHashMap<>();
    models.put("ann", ann);
    models.put("cnn", cnns.get(0));
    models.put("ensemble", EnsembleClassifier.of(cnns));
    return models;
  }

  public static DigitClassifier ann(Path dir) {
    return ann(directory(dir));
  }

  public static CnnClassifier cnn(Path dir) {
    return cnn(directory(dir));
  }

  private static InputStream open(Source source, String name) {
    try {
      return source.open(name);
    } catch (IOException e) {
      throw new IllegalStateException(
          "model file " + source.describe(name) + " is missing or unreadable", e);
    }
  }
}
