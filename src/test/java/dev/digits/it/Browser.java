package dev.digits.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its own ChromeDriver (never a downloaded browser), with
 * the flags this closed network needs. Where Chromium is missing the browser tests are skipped,
 * loudly; with DIGITS_REQUIRE_BROWSER=1 (as in CI) they fail instead.
 */
final class Browser {
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  static void assumeAvailable() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      String message =
          "BROWSER TESTS SKIPPED: no Chromium at "
              + CHROMIUM
              + " or no ChromeDriver at "
              + DRIVER
              + " (apt-get install chromium chromium-driver)";
      System.err.println("\n*** " + message + " ***\n");
      if ("1".equals(System.getenv("DIGITS_REQUIRE_BROWSER"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.assumeTrue(false, message);
    }
  }

  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-dev-shm-usage",
        "--window-size=1200,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static File screenshotsDir() {
    File dir = new File(System.getProperty("screenshots.dir", "target/screenshots"));
    dir.mkdirs();
    return dir;
  }
}
