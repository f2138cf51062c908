package dev.digits.recognition.control;

/** The models are not loaded yet (startup) or failed to load. */
public class NotReadyException extends UnavailableException {
  public NotReadyException(String message) {
    super(message);
  }
}
