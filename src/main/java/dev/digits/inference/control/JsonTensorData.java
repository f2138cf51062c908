package dev.digits.inference.control;

import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor's {@code data} as JSON gives it, flattened in row-major order (the spec allows nested or
 * flat arrays): numbers as floats, or strings. Read before the datatype may be known, since JSON
 * does not order keys.
 */
record JsonTensorData(float[] numbers, List<String> strings, boolean allIntegral) {
  /** Beyond the most values any valid image input holds, reading stops. */
  static final int MAX_VALUES = ImageShape.MAX_BATCH * ImageShape.PIXELS;

  int count() {
    return numbers != null ? numbers.length : strings.size();
  }

  /** The data array at the cursor, however nested. */
  static JsonTensorData read(JsonCursor c, String what) {
    c.expect(Event.START_ARRAY, what + " must be an array");
    float[] numbers = new float[1024];
    int count = 0;
    List<String> strings = new ArrayList<>();
    boolean integral = true;
    for (int depth = 1; depth > 0; ) {
      Event e = c.next();
      switch (e) {
        case START_ARRAY -> depth++;
        case END_ARRAY -> depth--;
        case VALUE_NUMBER -> {
          if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, numbers.length * 2);
          }
          numbers[count++] = Float.parseFloat(c.text());
          integral &= c.isIntegral();
        }
        case VALUE_STRING -> strings.add(c.text());
        default ->
            throw InferenceException.malformed(
                what + " may hold only numbers (FP32, UINT8) or strings (BYTES)");
      }
      if (count + strings.size() > MAX_VALUES) {
        throw InferenceException.tooLarge(
            what
                + " holds more than "
                + MAX_VALUES
                + " values, the most an input of "
                + ImageShape.MAX_BATCH
                + " images takes");
      }
    }
    if (count > 0 && !strings.isEmpty()) {
      throw InferenceException.malformed(what + " mixes numbers and strings");
    }
    return strings.isEmpty()
        ? new JsonTensorData(Arrays.copyOf(numbers, count), null, integral)
        : new JsonTensorData(null, List.copyOf(strings), true);
  }
}
