package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.image.ImageDecoder;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenNumbers;
import dev.digits.mnist.WrittenNumbers.Sample;
import dev.digits.recognition.boundary.ApiLimits;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Interaction;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real headless Chromium: drawing with pointer events, live prediction, upload. */
class PagesIT extends DeployedApp {
  /** Strokes of digits in canvas coordinates 0..1: each an array of x, y pairs. */
  private static final double[][] SEVEN = {{0.25, 0.2, 0.75, 0.2, 0.45, 0.85}};

  private static final double[][] ONE = {{0.5, 0.15, 0.5, 0.85}};
  private static final double[][] ZERO = ellipse(0.5, 0.5, 0.22, 0.33);
  private static final double[][] TWO = {
    {0.22, 0.3, 0.32, 0.15, 0.52, 0.1, 0.7, 0.2, 0.72, 0.38, 0.55, 0.58, 0.25, 0.88, 0.8, 0.88}
  };
  private static final double[][] SIX = {
    {
      0.68, 0.12, 0.48, 0.22, 0.32, 0.45, 0.27, 0.68, 0.38, 0.86, 0.58, 0.88, 0.7, 0.74, 0.62, 0.56,
      0.42, 0.54, 0.3, 0.66
    }
  };

  private static final Duration MOVE = Duration.ofMillis(5); // per pen move

  @TempDir Path profile;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void start() {
    Browser.assumeAvailable();
    driver = Browser.start(profile);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void drawnDigitsArePredictedWithTenBars() throws Exception {
    driver.get(http.uri("/digit/").toString());
    driver.findElement(By.id("live")).click(); // off: this test presses Predict itself
    record Case(int digit, double[][] strokes, double x, double y, double size) {}
    List<Case> cases =
        List.of(
            new Case(7, SEVEN, 0, 0, 1),
            new Case(0, ZERO, 0, 0, 1),
            new Case(1, ONE, 0.05, 0.55, 0.35), // small, bottom-left corner
            new Case(7, SEVEN, 0.6, 0.05, 0.35)); // small, top-right corner
    for (Case c : cases) {
      driver.findElement(By.id("clear")).click();
      draw(c.strokes(), c.x(), c.y(), c.size());
      driver.findElement(By.id("predict")).click();
      WebElement panel =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel .digit")));
      assertEquals(Integer.toString(c.digit()), panel.getText(), "drawn " + c);
      assertEquals(10, driver.findElements(By.cssSelector(".panel .bar")).size());
      assertTrue(
          driver
              .findElement(By.cssSelector(".panel img.input"))
              .getAttribute("src")
              .startsWith("data:image/png"));
    }
    screenshot("canvas");
  }

  @Test
  void livePredictionUpdatesAndClearEmpties() throws Exception {
    driver.get(http.uri("/").toString());
    draw(ONE, 0, 0, 1);
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".panel .digit"), "1"));
    driver.findElement(By.id("clear")).click();
    draw(ZERO, 0, 0, 1);
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".panel .digit"), "0"));
    new Select(driver.findElement(By.id("model"))).selectByValue("both");
    wait.until(d -> d.findElements(By.cssSelector(".panel")).size() == 2);
    screenshot("canvas-both-models");
    driver.findElement(By.id("clear")).click();
    assertEquals(0, driver.findElements(By.cssSelector(".panel")).size());
    assertTrue(driver.findElement(By.id("status")).getText().startsWith("Draw a digit"));
  }

  @Test
  void uploadedPngIsPredictedAndATextFileShowsTheError() throws Exception {
    driver.get(http.uri("/digit/image/").toString());
    Path png = profile.resolve("three.png");
    int index = 18; // MNIST test digit 18 is a 3
    Files.write(
        png,
        CanvasRenderer.png(
            CanvasRenderer.render(MnistFixture.test().images()[index], Style.oldCanvas())));
    driver.findElement(By.id("picture")).sendKeys(png.toString());
    driver.findElement(By.id("btn")).click();
    WebElement digit =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel .digit")));
    assertEquals(Byte.toString(MnistFixture.test().labels()[index]), digit.getText());
    screenshot("upload");

    Path text = Files.writeString(profile.resolve("notes.txt"), "not a picture");
    driver.findElement(By.id("picture")).sendKeys(text.toString());
    driver.findElement(By.id("btn")).click();
    wait.until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"));
    assertTrue(
        driver.findElement(By.id("status")).getText().contains("415"),
        driver.findElement(By.id("status")).getText());
  }

  @Test
  void aNumberWrittenOnTheWidePadIsReadWithABoxPerDigit() throws Exception {
    driver.get(http.uri("/digit/?mode=number").toString());
    driver.findElement(By.id("live")).click(); // off: this test presses Read itself
    WebElement pad = driver.findElement(By.id("pad"));
    assertTrue(
        pad.getRect().getWidth() > 2 * pad.getRect().getHeight(), "a wide pad: " + pad.getRect());
    writeYear();
    driver.findElement(By.id("predict")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#reading .number"), "2026"));
    assertEquals("4", driver.findElement(By.id("boxes")).getAttribute("data-boxes"));
    List<WebElement> digits = driver.findElements(By.cssSelector(".read-digit"));
    assertEquals(4, digits.size());
    assertTrue(
        digits.get(0).findElement(By.tagName("img")).getAttribute("src").startsWith("data:image"));
    digits.get(3).click(); // the 6: its probabilities
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".panel .digit"), "6"));
    assertEquals(10, driver.findElements(By.cssSelector(".panel .bar")).size());
    screenshot("canvas-number");

    driver.findElement(By.id("clear")).click(); // live reading: the number follows the pen
    driver.findElement(By.id("live")).click();
    writeYear();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#reading .number"), "2026"));
    driver.findElement(By.cssSelector("input[name=mode][value=digit]")).click();
    assertTrue(driver.findElement(By.id("reading")).getAttribute("hidden") != null);
    assertEquals(280, driver.findElement(By.id("pad")).getRect().getWidth());
  }

  @Test
  void anUploadedNumberIsReadWithBoxesOnThePreview() throws Exception {
    driver.get(http.uri("/digit/image/").toString());
    driver.findElement(By.cssSelector("input[name=mode][value=number]")).click();
    Sample photo =
        new WrittenNumbers(MnistFixture.test(), 7).sample(WrittenNumbers.Condition.WIDE, "2026");
    Path file = profile.resolve("year.png");
    Files.write(file, photo.bytes());
    driver.findElement(By.id("picture")).sendKeys(file.toString());
    driver.findElement(By.id("btn")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#reading .number"), "2026"));
    assertEquals("4", driver.findElement(By.id("boxes")).getAttribute("data-boxes"));
    WebElement preview = driver.findElement(By.id("preview"));
    WebElement boxes = driver.findElement(By.id("boxes"));
    assertEquals(preview.getRect().getWidth(), boxes.getRect().getWidth(), 1.0);
    screenshot("upload-number");
  }

  /** "2026" across the pad, each digit in a quarter of its width. */
  private void writeYear() {
    double[][][] year = {TWO, ZERO, TWO, SIX};
    for (int i = 0; i < year.length; i++) {
      draw(year[i], 0.04 + 0.24 * i, 0.12, 0.2, 0.76);
    }
  }

  @Test
  void apiPageShowsTheOldFetchExampleAndTheLimitsTheCodeEnforces() throws Exception {
    driver.get(http.uri("/api-guide").toString());
    String text = driver.findElement(By.tagName("main")).getText();
    assertTrue(text.contains("fetch('/digit/cnn/'"), text);
    for (String limit :
        List.of(
            (ApiLimits.MAX_BODY_BYTES >> 20) + " MiB",
            ImageDecoder.MAX_SIDE + " pixels a side",
            ImageDecoder.MAX_PIXELS / 1_000_000 + " megapixels",
            "up to " + ApiLimits.MAX_BATCH)) {
      assertTrue(text.contains(limit), limit + " in " + text);
    }
    screenshot("api");
  }

  private void draw(double[][] strokes, double x, double y, double size) {
    draw(strokes, x, y, size, size);
  }

  /**
   * The strokes drawn in the box at (x, y) of sizeX by sizeY, all in shares of the pad's sides: one
   * W3C action sequence of pen moves at viewport coordinates, sent at once. Moves relative to the
   * pad made ChromeDriver locate it again for each of them, most of a minute for a written year.
   */
  private void draw(double[][] strokes, double x, double y, double sizeX, double sizeY) {
    WebElement pad = driver.findElement(By.id("pad"));
    new Actions(driver).scrollToElement(pad).perform();
    @SuppressWarnings("unchecked")
    Map<String, Number> box =
        (Map<String, Number>)
            driver.executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return {left: r.left, top: r.top, width: r.width, height: r.height};",
                pad);
    double left = box.get("left").doubleValue();
    double top = box.get("top").doubleValue();
    double w = box.get("width").doubleValue();
    double h = box.get("height").doubleValue();
    PointerInput pen = new PointerInput(PointerInput.Kind.MOUSE, "pen");
    Sequence moves = new Sequence(pen, 0);
    for (double[] s : strokes) {
      moves.addAction(at(pen, left + (x + s[0] * sizeX) * w, top + (y + s[1] * sizeY) * h));
      moves.addAction(pen.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
      for (int i = 2; i < s.length; i += 2) {
        // Several small moves per segment, as a hand makes them.
        for (int step = 1; step <= 8; step++) {
          double t = step / 8.0;
          double px = s[i - 2] + t * (s[i] - s[i - 2]);
          double py = s[i - 1] + t * (s[i + 1] - s[i - 1]);
          moves.addAction(at(pen, left + (x + px * sizeX) * w, top + (y + py * sizeY) * h));
        }
      }
      moves.addAction(pen.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    }
    driver.perform(List.of(moves));
  }

  private static Interaction at(PointerInput pen, double x, double y) {
    return pen.createPointerMove(
        MOVE, PointerInput.Origin.viewport(), (int) Math.round(x), (int) Math.round(y));
  }

  private static double[][] ellipse(double cx, double cy, double rx, double ry) {
    int n = 24;
    double[] s = new double[2 * (n + 1)];
    for (int i = 0; i <= n; i++) {
      s[2 * i] = cx + rx * Math.sin(2 * Math.PI * i / n);
      s[2 * i + 1] = cy - ry * Math.cos(2 * Math.PI * i / n);
    }
    return new double[][] {s};
  }

  private void screenshot(String name) throws Exception {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        new File(Browser.screenshotsDir(), name + ".png").toPath(),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
