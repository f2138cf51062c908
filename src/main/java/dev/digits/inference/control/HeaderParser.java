package dev.digits.inference.control;

import jakarta.json.stream.JsonParser.Event;
import java.util.List;
import java.util.Map;

/**
 * Reads an inference request's JSON object into a {@link RequestHeader}. Unknown fields and
 * parameters (Triton's {@code priority}, {@code timeout}, ...) are skipped; those that ask for what
 * this server does not do (shared memory, classification) are refused.
 */
final class HeaderParser {
  private HeaderParser() {}

  static RequestHeader parse(JsonCursor c) {
    c.expect(Event.START_OBJECT, "the request body must be a JSON object ($inference_request)");
    String id = null;
    Map<String, Object> parameters = Map.of();
    List<InputHeader> inputs = null;
    List<OutputRequest> outputs = List.of();
    while (c.next() == Event.KEY_NAME) {
      switch (c.text()) {
        case "id" -> id = c.string("\"id\"");
        case "parameters" -> parameters = c.parameters("\"parameters\"");
        case "inputs" -> inputs = c.array("\"inputs\"", () -> input(c));
        case "outputs" -> outputs = c.array("\"outputs\"", () -> output(c));
        default -> c.skip(c.next());
      }
    }
    c.end();
    if (inputs == null) {
      throw InferenceException.malformed("the request has no \"inputs\"");
    }
    return new RequestHeader(id, flag(parameters, "binary_data_output"), inputs, outputs);
  }

  /** One $request_input, from its START_OBJECT on. */
  private static InputHeader input(JsonCursor c) {
    checkStart(c, "each of \"inputs\"");
    String name = null;
    String datatype = null;
    long[] shape = null;
    JsonTensorData data = null;
    Map<String, Object> parameters = Map.of();
    while (c.next() == Event.KEY_NAME) {
      switch (c.text()) {
        case "name" -> name = c.string("an input's \"name\"");
        case "datatype" -> datatype = c.string("an input's \"datatype\"");
        case "shape" -> shape = shape(c);
        case "parameters" -> parameters = c.parameters("an input's \"parameters\"");
        case "data" -> data = JsonTensorData.read(c, "an input's \"data\"");
        default -> c.skip(c.next());
      }
    }
    if (name == null || datatype == null || shape == null) {
      throw InferenceException.malformed("each input needs a \"name\", \"datatype\" and \"shape\"");
    }
    String what = "input '" + InferenceException.excerpt(name) + "'";
    refuseSharedMemory(parameters, what);
    long binarySize = -1;
    if (parameters.containsKey("binary_data_size")) {
      binarySize = size(parameters.get("binary_data_size"), what);
    }
    if ((data != null) == (binarySize >= 0)) {
      throw InferenceException.malformed(
          what
              + " needs either \"data\" or a \"binary_data_size\" parameter, not "
              + (data != null ? "both" : "neither"));
    }
    return new InputHeader(name, Datatype.named(datatype), shape, data, binarySize);
  }

  /** One $request_output, from its START_OBJECT on. */
  private static OutputRequest output(JsonCursor c) {
    checkStart(c, "each of \"outputs\"");
    String name = null;
    Map<String, Object> parameters = Map.of();
    while (c.next() == Event.KEY_NAME) {
      switch (c.text()) {
        case "name" -> name = c.string("an output's \"name\"");
        case "parameters" -> parameters = c.parameters("an output's \"parameters\"");
        default -> c.skip(c.next());
      }
    }
    if (name == null) {
      throw InferenceException.malformed("each of \"outputs\" needs a \"name\"");
    }
    refuseSharedMemory(parameters, "output '" + InferenceException.excerpt(name) + "'");
    if (parameters.containsKey("classification")) {
      throw InferenceException.malformed(
          "the classification extension is not supported: ask for the 'digit' output");
    }
    return new OutputRequest(
        name, parameters.containsKey("binary_data") ? flag(parameters, "binary_data") : null);
  }

  private static long[] shape(JsonCursor c) {
    List<Long> dims =
        c.array("an input's \"shape\"", () -> c.integer("each size in an input's \"shape\""));
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  private static void checkStart(JsonCursor c, String what) {
    if (!c.isAt(Event.START_OBJECT)) {
      throw InferenceException.malformed(what + " must be an object");
    }
  }

  private static boolean flag(Map<String, Object> parameters, String name) {
    Object v = parameters.getOrDefault(name, Boolean.FALSE);
    if (!(v instanceof Boolean b)) {
      throw InferenceException.malformed("parameter '" + name + "' must be true or false");
    }
    return b;
  }

  private static long size(Object v, String what) {
    if (v instanceof Long n && n >= 0) {
      return n;
    }
    throw InferenceException.malformed(
        what
            + ": \"binary_data_size\" must be a whole number of bytes, not "
            + (v instanceof String ? "a string" : v));
  }

  private static void refuseSharedMemory(Map<String, Object> parameters, String what) {
    if (parameters.containsKey("shared_memory_region")) {
      throw InferenceException.malformed(
          what + ": the shared memory extension is not supported: send the data in the body");
    }
  }
}
