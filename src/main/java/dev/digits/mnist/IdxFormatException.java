package dev.digits.mnist;

/** An IDX file that is corrupt, truncated or not the kind expected; the message names the file. */
public class IdxFormatException extends RuntimeException {
  public IdxFormatException(String message) {
    super(message);
  }
}
