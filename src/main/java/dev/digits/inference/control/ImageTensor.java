package dev.digits.inference.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code image} input's values, from its JSON data or its binary data (little-endian,
 * row-major; BYTES elements each a 4-byte little-endian length and the bytes), checking that they
 * are what its datatype and shape say.
 */
final class ImageTensor {
  private ImageTensor() {}

  /** The input decoded; {@code binary} holds its binary data, or is null where it has none. */
  static ImageInput decode(InputHeader in, ByteBuffer binary) {
    int batch = ImageShape.batch(in.datatype(), in.shape());
    int elements = ImageShape.elements(in.datatype(), batch);
    if (binary != null) {
      return fromBinary(in.datatype(), batch, elements, binary.order(ByteOrder.LITTLE_ENDIAN));
    }
    JsonTensorData data = in.data();
    if (data.count() != elements) {
      throw countMismatch(elements, data.count() + " values");
    }
    if (in.datatype() == Datatype.BYTES) {
      if (data.strings() == null) {
        throw InferenceException.malformed(
            "input 'image' as BYTES holds strings: each a picture as base64 or a data URL");
      }
      return new ImageInput.Pictures(
          data.strings().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }
    if (data.numbers() == null) {
      throw InferenceException.malformed("input 'image' as " + in.datatype() + " holds numbers");
    }
    if (in.datatype() == Datatype.UINT8 && !data.allIntegral()) {
      throw InferenceException.malformed("input 'image' as UINT8 holds whole numbers 0 to 255");
    }
    PixelReader read = i -> data.numbers()[i];
    return mnist(in.datatype(), batch, read);
  }

  private static ImageInput fromBinary(
      Datatype datatype, int batch, int elements, ByteBuffer binary) {
    if (datatype == Datatype.BYTES) {
      return new ImageInput.Pictures(elements(binary, batch));
    }
    long expected = (long) elements * datatype.size();
    if (binary.remaining() != expected) {
      throw countMismatch(
          elements, binary.remaining() + " bytes of binary data, not " + expected + " bytes");
    }
    PixelReader read =
        datatype == Datatype.FP32 ? i -> binary.getFloat(i * 4) : i -> binary.get(i) & 0xff;
    return mnist(datatype, batch, read);
  }

  /** A pixel's value as sent: an FP32 value, or a UINT8 value 0..255. */
  private interface PixelReader {
    float at(int index);
  }

  private static ImageInput mnist(Datatype datatype, int batch, PixelReader read) {
    boolean bytes = datatype == Datatype.UINT8;
    float max = bytes ? 255 : 1;
    List<float[]> images = new ArrayList<>(batch);
    for (int n = 0; n < batch; n++) {
      float[] image = new float[ImageShape.PIXELS];
      for (int p = 0; p < image.length; p++) {
        float v = read.at(n * ImageShape.PIXELS + p);
        if (!(v >= 0 && v <= max)) { // NaN fails too
          throw InferenceException.malformed(
              "input 'image' as "
                  + datatype
                  + " holds values 0 to "
                  + (bytes ? "255" : "1 (MNIST: background 0, ink 1)")
                  + "; element "
                  + (n * ImageShape.PIXELS + p)
                  + " is "
                  + v);
        }
        // Division, not multiplication by 1/255: the MNIST files' reader divides, so UINT8 pixels
        // reach the model as the very floats they do in training and evaluation.
        image[p] = bytes ? v / 255f : v;
      }
      images.add(image);
    }
    return new ImageInput.Mnist(images);
  }

  /** BYTES elements in binary form: each a 4-byte little-endian length, then that many bytes. */
  private static List<byte[]> elements(ByteBuffer binary, int batch) {
    List<byte[]> out = new ArrayList<>(batch);
    for (int n = 0; n < batch; n++) {
      if (binary.remaining() < 4) {
        throw countMismatch(batch, n + " elements in its binary data");
      }
      long length = binary.getInt() & 0xffffffffL;
      if (length > binary.remaining()) {
        throw InferenceException.malformed(
            "input 'image' element "
                + n
                + " claims "
                + length
                + " bytes; its binary data has "
                + binary.remaining()
                + " left");
      }
      byte[] element = new byte[(int) length];
      binary.get(element);
      out.add(element);
    }
    if (binary.hasRemaining()) {
      throw InferenceException.malformed(
          "input 'image' has " + binary.remaining() + " bytes after its " + batch + " elements");
    }
    return out;
  }

  private static InferenceException countMismatch(int expected, String found) {
    return InferenceException.malformed(
        "input 'image' of that shape holds " + expected + " elements; it has " + found);
  }
}
