package dev.digits.inference.control;

/**
 * One input tensor as the request's JSON describes it ($request_input): its data inline, or the
 * size of its binary data after the JSON ({@code binarySize}, -1 where it has none).
 */
record InputHeader(
    String name, Datatype datatype, long[] shape, JsonTensorData data, long binarySize) {
  InputHeader {
    shape = shape.clone();
  }

  boolean isBinary() {
    return binarySize >= 0;
  }
}
