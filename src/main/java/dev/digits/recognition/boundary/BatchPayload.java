package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.image.RejectedImageException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch request {@code {"images": [...]}}: each entry a data URL, base64 or {"image": ...}.
 */
final class BatchPayload {
  static final int MAX_IMAGES = ApiLimits.MAX_BATCH;

  private BatchPayload() {}

  static List<EncodedImage> images(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8).strip();
    if (!json.startsWith("{")) {
      throw RejectedImageException.malformed(
          "batch body must be a JSON object {\"images\": [...]}");
    }
    if (!(JsonBody.parse(json) instanceof JsonObject o)
        || !(o.get("images") instanceof JsonArray array)) {
      throw RejectedImageException.malformed("batch body must have an array \"images\"");
    }
    if (array.isEmpty() || array.size() > MAX_IMAGES) {
      throw RejectedImageException.malformed(
          "a batch holds 1 to " + MAX_IMAGES + " images, not " + array.size());
    }
    List<EncodedImage> images = new ArrayList<>(array.size());
    for (JsonValue v : array) {
      String image = JsonBody.imageText(v);
      if (image == null) {
        throw RejectedImageException.malformed(
            "each batch entry must be a string or {\"image\": \"...\"}");
      }
      images.add(ImagePayload.fromText(image, ""));
    }
    return images;
  }
}
