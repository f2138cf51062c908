package dev.digits.recognition.control;

/** A client asked for a model this service does not have. */
public class UnknownModelException extends RuntimeException {
  public UnknownModelException(String name, java.util.Collection<String> known) {
    super("unknown model '" + name + "': choose one of " + String.join(", ", known));
  }
}
