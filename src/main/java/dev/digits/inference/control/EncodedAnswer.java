package dev.digits.inference.control;

/**
 * An inference answer's body: its JSON object, followed by binary output data where {@code
 * jsonLength} is less than the body (then it is the Inference-Header-Content-Length to send).
 */
public record EncodedAnswer(byte[] body, int jsonLength) {
  /** Whether binary data follows the JSON, so the answer is application/octet-stream. */
  public boolean hasBinary() {
    return jsonLength < body.length;
  }
}
