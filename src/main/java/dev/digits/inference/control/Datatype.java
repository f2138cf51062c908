package dev.digits.inference.control;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The protocol's tensor element types and their sizes in bytes (BYTES: each element sized). */
public enum Datatype {
  BOOL(1),
  UINT8(1),
  UINT16(2),
  UINT32(4),
  UINT64(8),
  INT8(1),
  INT16(2),
  INT32(4),
  INT64(8),
  FP16(2),
  FP32(4),
  FP64(8),
  BF16(2),
  BYTES(0);

  private final int size;

  Datatype(int size) {
    this.size = size;
  }

  /** Bytes per element in binary form; 0 for BYTES, whose elements carry their own lengths. */
  public int size() {
    return size;
  }

  /** The datatype the protocol spells {@code name} (upper case, as the spec writes them). */
  public static Datatype named(String name) {
    for (Datatype d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw InferenceException.malformed(
        "unknown datatype '"
            + InferenceException.excerpt(name)
            + "': the protocol's are "
            + Arrays.stream(values()).map(Datatype::name).collect(Collectors.joining(", ")));
  }
}
