package dev.digits.recognition.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.image.RejectedImageException;
import dev.digits.image.RejectedImageException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImagePayloadTest {
  /**
   * A PNG signature and a few bytes containing '+' and '/' in base64, which form encoding mangles.
   */
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', (byte) 0xFB, (byte) 0xEF, (byte) 0xFF, 0x3E
  };

  private static final String B64 = Base64.getEncoder().encodeToString(PNG);
  private static final String DATA_URL = "data:image/png;base64," + B64;

  private static byte[] parse(String body, String contentType) {
    return ImagePayload.parse(body.getBytes(StandardCharsets.UTF_8), contentType).bytes();
  }

  @Test
  void rawDataUrlWithAnyContentType() {
    for (String type :
        new String[] {
          "application/json", "application/x-www-form-urlencoded; charset=UTF-8", "text/plain", null
        }) {
      assertArrayEquals(PNG, parse(DATA_URL, type), String.valueOf(type));
    }
  }

  @Test
  void jsonStringAndObject() {
    assertArrayEquals(PNG, parse("\"" + DATA_URL + "\"", "application/json"));
    assertArrayEquals(PNG, parse("{\"image\": \"" + DATA_URL + "\"}", "application/json"));
    assertArrayEquals(
        PNG, parse("  {\"image\": \"" + B64 + "\", \"other\": 1}\n", "application/json"));
  }

  @Test
  void bareBase64AndRawBytes() {
    assertArrayEquals(PNG, parse(B64, "text/plain"));
    assertArrayEquals(PNG, ImagePayload.parse(PNG, "application/octet-stream").bytes());
    assertArrayEquals(
        PNG, ImagePayload.parse(PNG, "application/json").bytes()); // mislabelled bytes still work
  }

  @Test
  void dataUrlSchemeAndEncodingInAnyCase() {
    assertArrayEquals(PNG, parse("DATA:IMAGE/PNG;BASE64," + B64, "application/json"));
    assertArrayEquals(PNG, parse("Data:;Base64," + B64, "application/json"));
    assertArrayEquals(
        PNG, parse("data:image/jpeg;base64," + B64, "application/json")); // the bytes decide
  }

  /**
   * The byte-level shortcut takes exact data URLs of images and leaves everything else to the text
   * path.
   */
  @Test
  void exactDataUrlsTakeTheShortcut() {
    byte[] ascii = DATA_URL.getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(PNG, DataUrl.decodeExact(ascii).bytes());
    for (int extra = 1; extra <= 2; extra++) { // one and two '=' of padding, and the same left out
      byte[] png = Arrays.copyOf(PNG, PNG.length + extra);
      for (Base64.Encoder encoder :
          new Base64.Encoder[] {Base64.getEncoder(), Base64.getEncoder().withoutPadding()}) {
        String url = "data:image/png;base64," + encoder.encodeToString(png);
        assertArrayEquals(
            png, DataUrl.decodeExact(url.getBytes(StandardCharsets.US_ASCII)).bytes(), url);
      }
    }
    for (String other :
        new String[] {
          DATA_URL + "\n",
          DATA_URL.replace('+', ' '),
          "data:text/plain,hello",
          "data:image/png;base64,"
              + Base64.getEncoder()
                  .encodeToString("not an image".getBytes(StandardCharsets.US_ASCII)),
          "data:image/png;base64",
          "data:",
          ""
        }) {
      assertNull(DataUrl.decodeExact(other.getBytes(StandardCharsets.US_ASCII)), other);
    }
  }

  @Test
  void base64WrappedInLinesAsMimeEncodersWriteIt() {
    byte[] longer = Arrays.copyOf(PNG, 200); // long enough to wrap
    String wrapped = Base64.getMimeEncoder().encodeToString(longer);
    assertTrue(wrapped.contains("\r\n"));
    assertArrayEquals(longer, parse("data:image/png;base64," + wrapped, "application/json"));
    assertArrayEquals(longer, parse(wrapped.replace("\r\n", "\n"), "text/plain"));
    assertArrayEquals(
        longer,
        parse("data:image/png;base64," + wrapped.replace("\r\n", "\t"), "application/json"));
  }

  @Test
  void formEncodedVariants() {
    String encoded = URLEncoder.encode(DATA_URL, StandardCharsets.UTF_8);
    assertArrayEquals(PNG, parse(encoded, "application/x-www-form-urlencoded"));
    assertArrayEquals(PNG, parse("imgBase64=" + encoded, "application/x-www-form-urlencoded"));
    assertArrayEquals(PNG, parse("image=" + DATA_URL, "application/x-www-form-urlencoded"));
    assertArrayEquals(PNG, parse(DATA_URL.replace('+', ' '), "application/x-www-form-urlencoded"));
  }

  @Test
  void multipartTakesTheFilePart() {
    String boundary = "XyZ";
    byte[] head =
        ("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"d.png\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = new byte[head.length + PNG.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(PNG, 0, body, head.length, PNG.length);
    System.arraycopy(tail, 0, body, head.length + PNG.length, tail.length);
    assertArrayEquals(
        PNG,
        ImagePayload.parse(body, "multipart/form-data; boundary=\"" + boundary + "\"").bytes());
  }

  @Test
  void malformedInputsSayWhy() {
    assertReason(Reason.MALFORMED, "", "application/json");
    assertReason(Reason.MALFORMED, "data:image/png;base64,%%%", "application/json");
    assertReason(Reason.MALFORMED, "data:image/png,abc", "application/json");
    assertReason(Reason.MALFORMED, "data:image/png;base64", "application/json");
    assertReason(Reason.MALFORMED, "{\"image\": 5}", "application/json");
    assertReason(Reason.MALFORMED, "{\"image\": ", "application/json");
    assertReason(Reason.MALFORMED, "[".repeat(10_000), "application/json");
    assertReason(Reason.MALFORMED, "{\"a\":" + "[".repeat(100_000), "application/json");
    assertReason(Reason.MALFORMED, "--XyZ\r\nno end", "multipart/form-data; boundary=XyZ");
    assertReason(Reason.MALFORMED, "--XyZ--\r\n", "multipart/form-data; boundary=XyZ");
    assertReason(Reason.MALFORMED, "x", "multipart/form-data");
    assertReason(
        Reason.UNSUPPORTED,
        "data:text/plain;base64," + Base64.getEncoder().encodeToString("hi".getBytes()),
        "text/plain");
  }

  private static void assertReason(Reason reason, String body, String type) {
    RejectedImageException e =
        assertThrows(RejectedImageException.class, () -> parse(body, type), body);
    assertEquals(reason, e.reason(), e.getMessage());
  }
}
