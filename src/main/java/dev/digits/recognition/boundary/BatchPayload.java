package dev.digits.recognition.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a batch request {@code {"images": [...]}}: each entry a data URL, base64 or {"image": ...}. */
final class BatchPayload {
  static final int MAX_IMAGES = 64;

  private BatchPayload() {}

  static List<byte[]> images(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8).strip();
    if (!json.startsWith("{")) {
      throw ImagePayload.malformed("batch body must be a JSON object {\"images\": [...]}");
    }
    if (!(ImagePayload.parseJson(json) instanceof JsonObject o) || !(o.get("images") instanceof JsonArray array)) {
      throw ImagePayload.malformed("batch body must have an array \"images\"");
    }
    if (array.isEmpty() || array.size() > MAX_IMAGES) {
      throw ImagePayload.malformed("a batch holds 1 to " + MAX_IMAGES + " images, not " + array.size());
    }
    List<byte[]> images = new ArrayList<>(array.size());
    for (JsonValue v : array) {
      String image = ImagePayload.imageText(v);
      if (image == null) {
        throw ImagePayload.malformed("each batch entry must be a string or {\"image\": \"...\"}");
      }
      images.add(ImagePayload.fromText(image, ""));
    }
    return images;
  }
}
