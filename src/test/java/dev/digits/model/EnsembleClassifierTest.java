package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleClassifierTest {
  /**
   * Answers the first pixel's value for digit 0 and the rest for digit 1, counting the pictures.
   */
  private static final class Member implements DigitClassifier {
    final float bias;
    int seen;

    Member(float bias) {
      this.bias = bias;
    }

    @Override
    public String name() {
      return "member";
    }

    @Override
    public long parameterCount() {
      return 1;
    }

    @Override
    public float[] probabilities(float[] image) {
      seen++;
      float p = Math.min(1, image[0] + bias);
      float[] out = new float[CLASSES];
      out[0] = p;
      out[1] = 1 - p;
      return out;
    }
  }

  private static float[] picture(float firstPixel) {
    float[] image = new float[DigitClassifier.PIXELS];
    image[0] = firstPixel;
    return image;
  }

  @Test
  void aSureFirstMemberAnswersAlone() {
    Member first = new Member(0);
    Member second = new Member(-0.5f);
    float[] p = EnsembleClassifier.of(List.of(first, second)).probabilities(picture(0.995f));
    assertEquals(0.995f, p[0], 1e-6);
    assertEquals(0, second.seen);
  }

  @Test
  void anUnsureFirstMemberAsksTheCommittee() {
    Member first = new Member(0);
    Member second = new Member(-0.5f);
    float[] p = EnsembleClassifier.of(List.of(first, second)).probabilities(picture(0.9f));
    assertEquals((0.9f + 0.4f) / 2, p[0], 1e-6);
    assertEquals((0.1f + 0.6f) / 2, p[1], 1e-6);
    assertEquals(1, second.seen);
  }

  @Test
  void aBatchAsksTheCommitteeOnlyForTheUnsurePicturesAndKeepsTheirOrder() {
    Member first = new Member(0);
    Member second = new Member(-0.2f);
    float[][] p =
        EnsembleClassifier.of(List.of(first, second))
            .probabilities(
                new float[][] {picture(1f), picture(0.6f), picture(0.999f), picture(0.5f)});
    assertEquals(2, second.seen);
    assertArrayEquals(
        new float[] {1f, 0.5f, 0.999f, 0.4f},
        new float[] {p[0][0], p[1][0], p[2][0], p[3][0]},
        1e-6f);
  }

  @Test
  void theMeanAsksEveryMemberForEveryPicture() {
    Member first = new Member(0);
    Member second = new Member(-0.5f);
    float[] p = EnsembleClassifier.mean(List.of(first, second)).probabilities(picture(1f));
    assertEquals(0.75f, p[0], 1e-6);
    assertEquals(1, second.seen);
  }
}
