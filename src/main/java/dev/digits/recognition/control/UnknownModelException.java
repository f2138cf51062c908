package dev.digits.recognition.control;

import java.util.Collection;

/** A client asked for a model this service does not have. */
public class UnknownModelException extends RuntimeException {
  public UnknownModelException(String name, Collection<String> known) {
    super("unknown model '" + name + "': choose one of " + String.join(", ", known));
  }
}
