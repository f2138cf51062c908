package dev.digits.inference.control;

import java.util.List;

/**
 * An inference request's JSON object ($inference_request) as sent: its id (or null), whether it
 * asks all outputs in binary ({@code binary_data_output}), its inputs and requested outputs.
 */
record RequestHeader(
    String id, boolean binaryOutput, List<InputHeader> inputs, List<OutputRequest> outputs) {
  RequestHeader {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
