package dev.digits.recognition.control;

/**
 * The service cannot recognise right now (overloaded or still starting); a retry later may succeed.
 */
public class UnavailableException extends RuntimeException {
  public UnavailableException(String message) {
    super(message);
  }
}
