package dev.digits.model.cnn;

import dev.digits.model.DigitClassifier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The CNN: conv5x5(32)-BN-ReLU-pool, then conv5x5(64)-BN-ReLU-pool or, in the deeper shape, two
 * conv3x3(64)-BN-ReLU and a pool over the same 12x12 to 4x4; then dense(256)-ReLU, dropout,
 * softmax(10). Input is a flat 784-vector reshaped to 28x28x1, so it takes the same arrays as the
 * ANN.
 */
public final class CnnArchitecture {
  /** The layers between the first pool and the second. */
  public enum Shape {
    /** One 5x5 convolution: the first members of the committee. */
    SHALLOW(
        "conv5x5x32-BN-ReLU-maxpool2, conv5x5x64-BN-ReLU-maxpool2, dense 256 ReLU, dropout 0.5,"
            + " dense 10 softmax"),
    /**
     * Two 3x3 convolutions seeing the same 5x5 as the one they replace, with a ReLU between: one
     * more nonlinearity for 1.2x the multiplications.
     */
    DEEP(
        "conv5x5x32-BN-ReLU-maxpool2, conv3x3x64-BN-ReLU, conv3x3x64-BN-ReLU-maxpool2, dense 256"
            + " ReLU, dropout 0.5, dense 10 softmax");

    private final String description;

    Shape(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private static final int CONV1_FILTERS = 32; // enough edge and stroke detectors for 28x28 digits
  private static final int CONV2_FILTERS = 64; // combinations of strokes: loops, corners, crossings
  private static final int DENSE_UNITS =
      256; // 4x4x64 features -> 256 is ample; 500 trained no better here
  private static final double DROPOUT_RETAIN = 0.5; // DL4J's dropOut(p) keeps p of the activations

  private CnnArchitecture() {}

  /**
   * The configuration, with Adam whose rate decays per epoch: {@code learningRate * decay^epoch}.
   */
  public static MultiLayerConfiguration configuration(
      Shape shape, long seed, double learningRate, double decayPerEpoch) {
    var layers =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .updater(
                new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decayPerEpoch)))
            .weightInit(WeightInit.RELU)
            .list()
            .layer(
                new ConvolutionLayer.Builder(5, 5)
                    .nIn(1)
                    .nOut(CONV1_FILTERS)
                    .activation(Activation.IDENTITY)
                    .build())
            .layer(new BatchNormalization.Builder().build())
            .layer(new ActivationLayer(Activation.RELU))
            .layer(maxPool());
    if (shape == Shape.SHALLOW) {
      convolution(layers, 5);
    } else {
      convolution(layers, 3);
      convolution(layers, 3);
    }
    return layers
        .layer(maxPool())
        .layer(new DenseLayer.Builder().nOut(DENSE_UNITS).activation(Activation.RELU).build())
        .layer(
            new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nOut(10)
                .activation(Activation.SOFTMAX)
                .dropOut(DROPOUT_RETAIN) // applied to this layer's input: the dense activations
                .build())
        .setInputType(InputType.convolutionalFlat(DigitClassifier.SIDE, DigitClassifier.SIDE, 1))
        .build();
  }

  /** A valid convolution to CONV2_FILTERS maps, batch norm, ReLU. */
  private static void convolution(NeuralNetConfiguration.ListBuilder layers, int kernel) {
    layers
        .layer(
            new ConvolutionLayer.Builder(kernel, kernel)
                .nOut(CONV2_FILTERS)
                .activation(Activation.IDENTITY)
                .build())
        .layer(new BatchNormalization.Builder().build())
        .layer(new ActivationLayer(Activation.RELU));
  }

  private static SubsamplingLayer maxPool() {
    return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
        .kernelSize(2, 2)
        .stride(2, 2)
        .build();
  }
}
