package dev.digits.image;

/** The picture holds no ink to read: blank, or too faint to tell from its background. */
public class NoDigitException extends RejectedImageException {
  public NoDigitException(String message) {
    super(Reason.NO_DIGIT, message);
  }
}
