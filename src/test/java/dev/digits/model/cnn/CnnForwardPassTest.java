package dev.digits.model.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import dev.digits.model.ModelFiles;
import dev.digits.model.Prediction;
import dev.digits.model.cnn.CnnArchitecture.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The served CNN engine against DL4J's own inference of the committed network. */
class CnnForwardPassTest {
  @Test
  void agreesWithDl4jOnEveryTestDigit() {
    CnnClassifier dl4j = ModelFiles.cnn(Path.of("models"));
    CnnForwardPass java =
        ModelFiles.cnnForwardPass(
            ModelFiles.directory(Path.of("models"))); // the served engine, read without ND4J
    assertAgrees(dl4j, java, MnistFixture.test().size());
  }

  @Test
  void agreesWithDl4jOnTheDeeperShape() {
    MultiLayerNetwork net =
        new MultiLayerNetwork(CnnArchitecture.configuration(Shape.DEEP, 5, 2e-3, 1));
    net.init();
    MnistDataset training = MnistFixture.training();
    for (int start = 0; start < 2560; start += 128) { // moves every batch norm's statistics
      float[] features = new float[128 * 784];
      float[] labels = new float[128 * 10];
      for (int i = 0; i < 128; i++) {
        System.arraycopy(training.images()[start + i], 0, features, i * 784, 784);
        labels[i * 10 + training.labels()[start + i]] = 1f;
      }
      net.fit(
          new DataSet(
              Nd4j.create(features, new long[] {128, 784}, 'c'),
              Nd4j.create(labels, new long[] {128, 10}, 'c')));
    }
    CnnClassifier dl4j = new CnnClassifier(net);
    assertAgrees(dl4j, CnnForwardPass.of(dl4j.saved()), 2000);
  }

  /** Same answers as DL4J on the first {@code count} test digits, to float rounding. */
  private static void assertAgrees(CnnClassifier dl4j, CnnForwardPass java, int count) {
    MnistDataset test = MnistFixture.test();
    double worst = 0;
    for (int start = 0; start < count; start += 500) {
      float[][] batch = Arrays.copyOfRange(test.images(), start, Math.min(start + 500, count));
      float[][] expected = dl4j.probabilities(batch);
      for (int i = 0; i < batch.length; i++) {
        float[] p = java.probabilities(batch[i]);
        assertEquals(
            Prediction.argmax(expected[i]), Prediction.argmax(p), "test digit " + (start + i));
        for (int k = 0; k < p.length; k++) {
          worst = Math.max(worst, Math.abs(p[k] - expected[i][k]));
        }
      }
    }
    assertTrue(worst < 1e-5, "largest probability difference " + worst);
    assertEquals(dl4j.parameterCount(), java.parameterCount());
  }

  @Test
  void readsTheModelFileAsDl4jDoes() throws IOException {
    MultiLayerNetwork dl4j = ModelFiles.cnn(Path.of("models")).network();
    SavedNetwork saved;
    try (InputStream in = Files.newInputStream(Path.of("models", ModelFiles.CNN))) {
      saved = SavedNetwork.read(in);
    }
    assertArrayEquals(dl4j.params().toFloatVector(), saved.parameters());
  }

  @Test
  void refusesAFileThatIsNotADl4jModel() throws IOException {
    byte[] model = Files.readAllBytes(Path.of("models", ModelFiles.CNN));
    ByteArrayOutputStream other = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(other)) {
      zip.putNextEntry(new ZipEntry("configuration.json"));
      zip.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    assertThrows(
        IOException.class, () -> SavedNetwork.read(new ByteArrayInputStream(other.toByteArray())));
    assertThrows(
        IOException.class,
        () -> SavedNetwork.read(new ByteArrayInputStream(Arrays.copyOf(model, model.length / 2))));
  }

  @Test
  void refusesANetworkOfAnotherShape() {
    MultiLayerNetwork other =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(10).build())
                .layer(new OutputLayer.Builder().nIn(10).nOut(10).build())
                .build());
    other.init();
    assertThrows(
        IllegalArgumentException.class, () -> CnnForwardPass.of(new CnnClassifier(other).saved()));
  }
}
