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
 * The CNN: conv5x5(32)-BN-ReLU-pool, conv5x5(64)-BN-ReLU-pool, dense(256)-ReLU, dropout,
 * softmax(10). Input is a flat 784-vector reshaped to 28x28x1, so it takes the same arrays as the
 * ANN.
 */
public final class CnnArchitecture {
  static final int CONV1_FILTERS = 32; // enough edge and stroke detectors for 28x28 digits
  static final int CONV2_FILTERS = 64; // combinations of strokes: loops, corners, crossings
  static final int DENSE_UNITS = 256; // 4x4x64 features -> 256 is ample; 500 trained no better here
  static final double DROPOUT_RETAIN = 0.5; // DL4J's dropOut(p) keeps p of the activations

  private CnnArchitecture() {}

  /**
   * The configuration, with Adam whose rate decays per epoch: {@code learningRate * decay^epoch}.
   */
  public static MultiLayerConfiguration configuration(
      long seed, double learningRate, double decayPerEpoch) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .updater(new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decayPerEpoch)))
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
        .layer(maxPool())
        .layer(
            new ConvolutionLayer.Builder(5, 5)
                .nOut(CONV2_FILTERS)
                .activation(Activation.IDENTITY)
                .build())
        .layer(new BatchNormalization.Builder().build())
        .layer(new ActivationLayer(Activation.RELU))
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

  private static SubsamplingLayer maxPool() {
    return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
        .kernelSize(2, 2)
        .stride(2, 2)
        .build();
  }
}
