package dev.digits.benchmark;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFiles;
import dev.digits.mnist.WrittenNumbers;
import dev.digits.mnist.WrittenNumbers.Condition;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /api/v1/read with 4-digit numbers on an 800x280 canvas, the number mode's pad: p50 at one
 * client and numbers per second at 8 (issue 22's targets: at most 10 ms, at least 300/s).
 */
final class ReadingSpeed {
  static final int WIDTH = 800;
  static final int HEIGHT = 280;

  private ReadingSpeed() {}

  /**
   * Reading alone: against a running server ({@code -Dbench.url=http://localhost:8080}), or the
   * packaged app started as the README's run command starts it.
   */
  public static void main(String[] args) throws Exception {
    MnistDataset test = MnistFiles.fromSystemProperty().test();
    boolean running = args.length > 0 && !args[0].isBlank();
    Server server =
        running
            ? Server.running(args[0])
            : Server.start(
                CanvasRenderer.dataUrl(
                    CanvasRenderer.png(
                        CanvasRenderer.render(test.images()[0], CanvasRenderer.Style.oldCanvas()))),
                Server.hasClassArchive());
    try {
      System.out.println(Json.write(new LinkedHashMap<>(measure(test, server.url(""), 10))));
    } finally {
      if (!running) {
        server.stop();
      }
    }
  }

  static Map<String, Object> measure(MnistDataset test, String base, int seconds)
      throws IOException, InterruptedException {
    Wrk wrk = wrk(test);
    String url = base + "/api/v1/read";
    wrk.run(url, 8, seconds); // warm-up
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("c1", Wrk.json(wrk.run(url, 1, seconds)));
    r.put("c8", Wrk.json(wrk.run(url, 8, seconds)));
    return Map.of("POST /api/v1/read (4 digits, 800x280 PNG)", r);
  }

  /** POSTs of 100 different 4-digit numbers written with MNIST test digits on the pad, as PNGs. */
  static Wrk wrk(MnistDataset test) throws IOException {
    WrittenNumbers written = new WrittenNumbers(test, 4);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      bodies.add(
          CanvasRenderer.png(
              onPad(written.sample(Condition.WIDE, written.randomNumber(4)).picture())));
    }
    return new Wrk(Path.of("target/bench/read-png.lua"), bodies, "image/png", null);
  }

  /** The number scaled to fit the pad, centred, black on white as the page sends it. */
  private static BufferedImage onPad(BufferedImage number) {
    BufferedImage pad = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = pad.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      double scale =
          Math.min((double) WIDTH / number.getWidth(), (double) HEIGHT / number.getHeight());
      int w = (int) (number.getWidth() * scale);
      int h = (int) (number.getHeight() * scale);
      g.drawImage(number, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    return pad;
  }
}
