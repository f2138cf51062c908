package dev.digits.image;

/** Input that cannot become a digit image, with the reason a client needs to fix it. */
public class RejectedImageException extends RuntimeException {
  /** Why the input was refused; the boundary maps each to an HTTP status. */
  public enum Reason {
    MALFORMED,
    UNSUPPORTED,
    TOO_LARGE,
    NO_DIGIT
  }

  private final Reason reason;

  public RejectedImageException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
