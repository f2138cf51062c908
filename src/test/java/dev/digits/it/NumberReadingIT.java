package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/read over HTTP: whole numbers from one picture, their boxes, and the refusals. */
class NumberReadingIT extends DeployedApp {
  private static final int SIDE = 180;
  private static final int GAP = 40;

  @Test
  void readsAYearWithEachDigitsBoxLeftToRight() {
    BufferedImage year = WrittenNumbers.row("2026", 100, SIDE, GAP);
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
      int left = GAP + i * (SIDE + GAP);
      int x = box.getInt("x");
      int width = box.getInt("width");
      assertTrue(x >= left && x + width <= left + SIDE, "digit " + i + " box " + box);
      assertTrue(
          box.getInt("y") >= 30 && box.getInt("y") + box.getInt("height") <= 30 + SIDE,
          box.toString());
      assertEquals(10, d.getJsonArray("probabilities").size());
      assertTrue(d.getString("input").startsWith("data:image/png;base64,"));
    }
  }

  @Test
  void keepsLeadingZerosAndAnswersForEveryModel() {
    BufferedImage bond = WrittenNumbers.row("007", 300, SIDE, GAP);
    for (String model : List.of("ann", "cnn", "ensemble")) {
      JsonObject r = read("/api/v1/read?model=" + model, bond);
      assertEquals("007", r.getString("number"), model + ": " + r);
      assertEquals(model, r.getString("model"));
    }
  }

  @Test
  void batchAnswersInOrder() {
    String a = CanvasRenderer.dataUrl(CanvasRenderer.png(WrittenNumbers.row("31", 500, SIDE, GAP)));
    String b = CanvasRenderer.dataUrl(CanvasRenderer.png(WrittenNumbers.row("58", 700, SIDE, GAP)));
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
    assertRefused(WrittenNumbers.row("123456789012345678901", 900, 60, 14), "at most 20");
    BufferedImage rows = WrittenNumbers.row("12", 1100, SIDE, GAP);
    BufferedImage twoRows =
        new BufferedImage(rows.getWidth(), 2 * rows.getHeight(), BufferedImage.TYPE_INT_RGB);
    twoRows.getGraphics().drawImage(rows, 0, 0, null);
    twoRows.getGraphics().drawImage(rows, 0, rows.getHeight(), null);
    assertRefused(twoRows, "row");
  }

  private JsonObject read(String route, BufferedImage picture) {
    HttpResponse<String> r = http.post(route, "image/png", CanvasRenderer.png(picture));
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
