package dev.digits.recognition.control;

/**
 * More requests are being recognised than the service admits at once; the client should retry soon.
 */
public class BusyException extends UnavailableException {
  public BusyException(String message) {
    super(message);
  }
}
