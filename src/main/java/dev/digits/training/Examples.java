package dev.digits.training;

import dev.digits.image.Preprocessor;
import dev.digits.mnist.Augmenter;
import dev.digits.mnist.WrittenForms;
import java.util.Random;

/**
 * What a model learns from: a training digit distorted, perhaps written in another form, and framed
 * as the server frames a picture of it ({@link Preprocessor#served}), so that training sees what
 * serving will.
 */
public final class Examples {
  /** How the cards describe the framing. */
  public static final String FRAMING =
      "every example as served (Preprocessor.served), after its distortions";

  private final Augmenter distortions;
  private final WrittenForms forms;

  public Examples(Augmenter.Settings distortions, WrittenForms.Settings forms) {
    this.distortions = new Augmenter(distortions);
    this.forms = new WrittenForms(forms);
  }

  /** The example made of training digit {@code image} of {@code label}. */
  public float[] of(float[] image, int label, Random r) {
    return Preprocessor.served(forms.apply(distortions.augment(image, r), label, r));
  }
}
