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

  /** The input is broken: bad base64, JSON, data URL or multipart syntax. */
  public static RejectedImageException malformed(String message) {
    return new RejectedImageException(Reason.MALFORMED, message);
  }

  /** The input is well formed but not a picture we read. */
  public static RejectedImageException unsupported(String message) {
    return new RejectedImageException(Reason.UNSUPPORTED, message);
  }

  /** The input is over a size limit. */
  public static RejectedImageException tooLarge(String message) {
    return new RejectedImageException(Reason.TOO_LARGE, message);
  }

  public Reason reason() {
    return reason;
  }
}
