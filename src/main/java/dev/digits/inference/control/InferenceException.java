package dev.digits.inference.control;

/** An inference request the protocol cannot serve, with what the client must change. */
public class InferenceException extends RuntimeException {
  /** Why the request was refused; the boundary maps each to an HTTP status. */
  public enum Reason {
    MALFORMED,
    TOO_LARGE,
    NOT_FOUND
  }

  private final Reason reason;

  public InferenceException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A body, tensor, shape or datatype the protocol or this model does not allow. */
  public static InferenceException malformed(String message) {
    return new InferenceException(Reason.MALFORMED, message);
  }

  /** More images than one request may hold. */
  public static InferenceException tooLarge(String message) {
    return new InferenceException(Reason.TOO_LARGE, message);
  }

  /** A client's text as a message quotes it: short, since a client may send megabytes. */
  static String excerpt(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  public Reason reason() {
    return reason;
  }
}
