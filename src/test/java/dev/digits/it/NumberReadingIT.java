package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenNumbers;
import dev.digits.mnist.WrittenNumbers.Condition;
import dev.digits.mnist.WrittenNumbers.Sample;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/read over HTTP: whole numbers from one picture, their boxes, and the refusals. */
class NumberReadingIT extends DeployedApp {
  private final WrittenNumbers written = new WrittenNumbers(MnistFixture.test(), 22);

  @Test
  void readsAYearWithEachDigitsBoxLeftToRight() {
    Sample year = written.sample(Condition.WIDE, "2026");
    JsonObject r = read("/api/v1/read", year);
    assertEquals("2026", r.getString("number"), r.toString());
    assertEquals("cnn", r.getString("model"));
    double confidence = r.getJsonNumber("confidence").doubleValue();
    assertTrue(confidence > 0 && confidence <= 1, r.toString());
    JsonArray digits = r.getJsonArray("digits");
    assertEquals(4, digits.size());
    for (int i = 0; i < digits.size(); i++) {
      JsonObject d = digits.getJsonObject(i);
      JsonObject box = d.getJsonObject("box");
      int[] ink = year.boxes().get(i);
      // Within the digit's ink box (the reader's ink threshold is higher than the generator's, so
      // the soft edge of a stroke may fall outside), and covering most of it.
      int x = box.getInt("x"),
          y = box.getInt("y"),
          w = box.getInt("width"),
          h = box.getInt("height");
      assertTrue(
          x >= ink[0] - 2
              && y >= ink[1] - 2
              && x + w <= ink[0] + ink[2] + 2
              && y + h <= ink[1] + ink[3] + 2
              && w >= 0.85 * ink[2]
              && h >= 0.85 * ink[3],
          "digit " + i + " box " + box + " ink at " + Arrays.toString(ink));
      assertEquals(d.getInt("digit"), year.number().charAt(i) - '0');
      assertEquals(10, d.getJsonArray("probabilities").size());
      assertTrue(d.getString("input").startsWith("data:image/png;base64,"));
    }
  }

  @Test
  void keepsLeadingZerosAndAnswersForEveryModel() {
    Sample bond = written.sample(Condition.WIDE, "007");
    for (String model : List.of("ann", "cnn", "ensemble")) {
      JsonObject r = read("/api/v1/read?model=" + model, bond);
      assertEquals("007", r.getString("number"), model + ": " + r);
      assertEquals(model, r.getString("model"));
    }
  }

  @Test
  void readsAPhotoOfANumberOnPaper() {
    Sample photo = written.sample(Condition.PHOTO, "1905");
    HttpResponse<String> r = http.post("/api/v1/read", "image/jpeg", photo.bytes());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(4, ((JsonObject) Http.json(r)).getJsonArray("digits").size(), r.body());
  }

  @Test
  void batchAnswersInOrder() {
    String a = CanvasRenderer.dataUrl(written.sample(Condition.WIDE, "31").bytes());
    String b = CanvasRenderer.dataUrl(written.sample(Condition.NARROW, "58").bytes());
    HttpResponse<String> r =
        http.post(
            "/api/v1/read/batch", "application/json", "{\"images\":[\"" + a + "\",\"" + b + "\"]}");
    assertEquals(200, r.statusCode(), r.body());
    JsonArray answers = (JsonArray) Http.json(r);
    assertEquals("31", answers.getJsonObject(0).getString("number"));
    assertEquals("58", answers.getJsonObject(1).getString("number"));
  }

  @Test
  void blankPicturesTooManyDigitsAndDrawingsAre422() {
    assertRefused(new BufferedImage(800, 280, BufferedImage.TYPE_INT_RGB), "no digit");
    assertRefused(written.sample(Condition.WIDE, "123456789012345678901").picture(), "at most 20");
    BufferedImage row = written.sample(Condition.WIDE, "12").picture();
    BufferedImage twoRows =
        new BufferedImage(row.getWidth(), 2 * row.getHeight(), BufferedImage.TYPE_INT_RGB);
    twoRows.getGraphics().drawImage(row, 0, 0, null);
    twoRows.getGraphics().drawImage(row, 0, row.getHeight(), null);
    assertRefused(twoRows, "row");
  }

  private JsonObject read(String route, Sample sample) {
    HttpResponse<String> r = http.post(route, sample.contentType(), sample.bytes());
    assertEquals(200, r.statusCode(), r.body());
    return (JsonObject) Http.json(r);
  }

  private void assertRefused(BufferedImage picture, String why) {
    HttpResponse<String> r = http.post("/api/v1/read", "image/png", CanvasRenderer.png(picture));
    assertEquals(422, r.statusCode(), r.body());
    JsonObject o = (JsonObject) Http.json(r);
    assertEquals(422, o.getInt("status"));
    assertTrue(o.getString("error").contains(why), why + " in " + o);
    assertFalse(r.body().contains("Exception"), r.body());
  }
}
