package dev.digits.inference.control;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes after a request's JSON into its binary inputs' data, in the inputs' order, each
 * as long as its {@code binary_data_size} says; together they must fill the body exactly.
 */
final class BinarySections {
  private BinarySections() {}

  /** Each input's binary data (null for inputs given in JSON), checked to fill the body exactly. */
  static List<ByteBuffer> of(List<InputHeader> inputs, byte[] body, int offset) {
    List<ByteBuffer> out = new ArrayList<>(inputs.size());
    long at = offset;
    for (InputHeader in : inputs) {
      if (!in.isBinary()) {
        out.add(null);
        continue;
      }
      if (in.binarySize() > body.length - at) {
        throw InferenceException.malformed(
            "input '"
                + in.name()
                + "' declares "
                + in.binarySize()
                + " bytes of binary data; the body has "
                + (body.length - at)
                + " left");
      }
      out.add(ByteBuffer.wrap(body, (int) at, (int) in.binarySize()).slice());
      at += in.binarySize();
    }
    if (at != body.length) {
      throw InferenceException.malformed(
          (body.length - at)
              + " bytes follow the JSON and its inputs' binary data: each binary input declares"
              + " its \"binary_data_size\"");
    }
    return out;
  }
}
