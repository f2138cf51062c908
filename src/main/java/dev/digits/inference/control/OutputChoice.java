package dev.digits.inference.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An output the answer carries, in JSON or as binary data after the JSON. */
public record OutputChoice(Output output, boolean binary) {
  public OutputChoice {
    Objects.requireNonNull(output, "output");
  }

  /** The outputs to answer: those named, in order, else all; each binary as asked. */
  static List<OutputChoice> forRequest(RequestHeader header) {
    List<OutputChoice> out = new ArrayList<>();
    if (header.outputs().isEmpty()) {
      for (Output o : Output.values()) {
        out.add(new OutputChoice(o, header.binaryOutput()));
      }
      return out;
    }
    Set<Output> seen = EnumSet.noneOf(Output.class);
    for (OutputRequest r : header.outputs()) {
      Output o = Output.named(r.name());
      if (!seen.add(o)) {
        throw InferenceException.malformed("output '" + o.tensorName() + "' is asked for twice");
      }
      out.add(new OutputChoice(o, r.binary() != null ? r.binary() : header.binaryOutput()));
    }
    return out;
  }
}
