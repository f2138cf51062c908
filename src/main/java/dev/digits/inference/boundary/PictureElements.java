package dev.digits.inference.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.image.RejectedImageException;
import dev.digits.recognition.boundary.ImagePayload;
import java.util.ArrayList;
import java.util.List;

/**
 * A BYTES input's elements as the pictures they hold, read as every route reads a body: image
 * bytes, or a data URL or base64 text (the spec's JSON string form), each named by index when
 * refused.
 */
final class PictureElements {
  private PictureElements() {}

  static List<EncodedImage> decode(List<byte[]> elements) {
    List<EncodedImage> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      try {
        out.add(ImagePayload.parse(elements.get(i), null));
      } catch (RejectedImageException e) {
        throw new RejectedImageException(e.reason(), "image " + i + ": " + e.getMessage());
      }
    }
    return out;
  }
}
