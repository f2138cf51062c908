package dev.digits.training;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.Augmenter;
import dev.digits.mnist.WrittenForms;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * What a model learns from: a training digit distorted, perhaps written in another form, and framed
 * as the server frames a picture of it ({@link Preprocessor#served}), so that training sees what
 * serving will.
 */
public final class Examples {
  /** How the cards describe the framing. */
  public static final String FRAMING =
      "every example as served (Preprocessor.served), after its distortions";

  /** How the cards describe the CNNs' framing ({@link #asStored}). */
  public static final String FRAMING_AS_STORED =
      "every example as MNIST stores it, after its distortions";

  private final Augmenter distortions;
  private final WrittenForms forms;
  private final UnaryOperator<float[]> framing;

  public Examples(Augmenter.Settings distortions, WrittenForms.Settings forms) {
    this(distortions, forms, Preprocessor::served);
  }

  private Examples(
      Augmenter.Settings distortions, WrittenForms.Settings forms, UnaryOperator<float[]> framing) {
    this.distortions = new Augmenter(distortions);
    this.forms = new WrittenForms(forms);
    this.framing = framing;
  }

  /**
   * Distorted digits left as MNIST stores them. The CNNs learn more from these: serving's framing
   * re-centres and re-scales each digit, undoing the distortions' shifts and scalings.
   */
  public static Examples asStored(Augmenter.Settings distortions, WrittenForms.Settings forms) {
    return new Examples(distortions, forms, UnaryOperator.identity());
  }

  /** The example made of training digit {@code image} of {@code label}. */
  public float[] of(float[] image, int label, Random r) {
    return framing.apply(forms.apply(distortions.augment(image, r), label, r));
  }
}
