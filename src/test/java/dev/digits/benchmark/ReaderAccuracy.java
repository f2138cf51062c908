package dev.digits.benchmark;

import dev.digits.image.EncodedImage;
import dev.digits.image.PictureInk;
import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.MnistFixture;
import dev.digits.mnist.WrittenNumbers;
import dev.digits.mnist.WrittenNumbers.Condition;
import dev.digits.mnist.WrittenNumbers.Sample;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFiles;
import dev.digits.reading.NumberReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The number reader's accuracy on {@link WrittenNumbers}' test set, per condition and per length:
 * through HTTP against a server it starts ({@code ReaderAccuracy "" [card.json]}) or one running
 * ({@code ReaderAccuracy http://localhost:8080}), which is what the card records, or in process
 * ({@code ReaderAccuracy inprocess}, with {@code -Dreading.<setting>=}) for quick comparisons of
 * the reader's settings. String accuracy counts a number right only when every digit is; digit
 * accuracy is one less the edit distance per digit written.
 */
public final class ReaderAccuracy {
  private static final int PER_CONDITION = Integer.getInteger("reader.count", 300);
  private static final long SEED = 2026;
  private static final boolean SHOW = Boolean.getBoolean("reader.show");
  private static final List<String> MODELS = List.of("cnn", "ensemble", "ann");

  private ReaderAccuracy() {}

  public static void main(String[] args) throws Exception {
    String target = args.length > 0 ? args[0] : "";
    Server started = null;
    if (target.isBlank()) {
      String digit =
          CanvasRenderer.dataUrl(
              CanvasRenderer.png(
                  CanvasRenderer.render(
                      MnistFixture.test().images()[0], CanvasRenderer.Style.oldCanvas())));
      started = Server.start(digit, Server.hasClassArchive());
      target = started.url("");
    }
    List<String> models =
        System.getProperty("reader.models") == null
            ? MODELS
            : List.of(System.getProperty("reader.models").split(","));
    JsonObjectBuilder card = Json.createObjectBuilder();
    long t0 = System.nanoTime();
    for (String model : models) {
      Function<Sample, String> reader =
          target.startsWith("http") ? http(target, model) : local(model);
      JsonObjectBuilder conditions = Json.createObjectBuilder();
      for (Condition condition : conditions()) {
        List<Sample> set =
            new WrittenNumbers(MnistFixture.test(), SEED + condition.ordinal())
                .samples(condition, PER_CONDITION);
        Tally tally = measure(set, reader);
        System.out.printf("%-9s %-9s %s%n", model, condition, tally);
        conditions.add(condition.name().toLowerCase(), tally.json());
      }
      card.add(model, conditions);
    }
    if (started != null) {
      started.stop();
    }
    if (args.length > 1) {
      JsonObject out =
          Json.createObjectBuilder()
              .add("name", "reader")
              .add(
                  "what",
                  "POST /api/v1/read on numbers written with MNIST test digits"
                      + " (src/test/java/dev/digits/mnist/WrittenNumbers.java), "
                      + PER_CONDITION
                      + " per condition, seed "
                      + SEED)
              .add("stringAccuracy", "the whole number right")
              .add("digitAccuracy", "1 - edit distance / digits written")
              .add("models", card)
              .add("seconds", Math.round((System.nanoTime() - t0) / 1e9))
              .add("measuredAt", Instant.now().toString())
              .add(
                  "command",
                  "mvn -q package exec:exec@reader-accuracy (starts the server; -Dbench.url= for one"
                      + " running)")
              .build();
      StringWriter text = new StringWriter();
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
          .createWriter(text)
          .write(out);
      Files.writeString(Path.of(args[1]), text.toString().strip() + "\n");
      System.out.println("wrote " + args[1]);
    }
  }

  private static List<Condition> conditions() {
    String only = System.getProperty("reader.conditions");
    return only == null
        ? List.of(Condition.values())
        : java.util.Arrays.stream(only.split(",")).map(Condition::valueOf).toList();
  }

  private static Tally measure(List<Sample> set, Function<Sample, String> reader) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (Sample s : set) {
        answers.add(pool.submit(() -> reader.apply(s)));
      }
      Tally tally = new Tally();
      for (int i = 0; i < set.size(); i++) {
        tally.add(set.get(i).number(), answers.get(i).get());
      }
      return tally;
    } finally {
      pool.shutdown();
    }
  }

  private static Function<Sample, String> local(String model) {
    DigitClassifier classifier = ModelFiles.byName(Path.of("models")).get(model);
    NumberReader reader = NumberReader.tunedBySystemProperties(classifier);
    return s -> {
      try {
        return reader.read(PictureInk.of(EncodedImage.of(s.bytes())).ink()).text();
      } catch (RuntimeException e) {
        return "!" + e.getMessage();
      }
    };
  }

  private static Function<Sample, String> http(String base, String model) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create(base.replaceAll("/$", "") + "/api/v1/read?model=" + model);
    return s -> {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", s.contentType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(s.bytes()))
              .build();
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          return "!" + r.body();
        }
        return Json.createReader(new StringReader(r.body())).readObject().getString("number");
      } catch (IOException e) {
        throw new IllegalStateException("the server did not answer: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }

  /** Right answers overall and by length band. */
  private static final class Tally {
    private final Map<String, int[]> bands = new LinkedHashMap<>();
    private int numbers;
    private int right;
    private int digits;
    private int digitErrors;

    Tally() {
      for (String band : List.of("1-4", "5-8", "9-20")) {
        bands.put(band, new int[2]);
      }
    }

    void add(String truth, String answer) {
      if (SHOW && !truth.equals(answer)) {
        System.out.println("  " + truth + " read as " + answer);
      }
      if (answer.startsWith("!")) {
        answer = "";
      }
      boolean ok = truth.equals(answer);
      numbers++;
      right += ok ? 1 : 0;
      digits += truth.length();
      digitErrors += Math.min(truth.length(), editDistance(truth, answer));
      int[] band = bands.get(truth.length() <= 4 ? "1-4" : truth.length() <= 8 ? "5-8" : "9-20");
      band[0]++;
      band[1] += ok ? 1 : 0;
    }

    JsonObjectBuilder json() {
      JsonObjectBuilder byLength = Json.createObjectBuilder();
      bands.forEach(
          (band, c) ->
              byLength.add(
                  band,
                  Json.createObjectBuilder()
                      .add("numbers", c[0])
                      .add("stringAccuracy", round(c[1], c[0]))));
      return Json.createObjectBuilder()
          .add("numbers", numbers)
          .add("stringAccuracy", round(right, numbers))
          .add("digitAccuracy", round(digits - digitErrors, digits))
          .add("byLength", byLength);
    }

    @Override
    public String toString() {
      StringBuilder s =
          new StringBuilder(
              String.format(
                  "string %.4f  digit %.4f ",
                  right / (double) numbers, 1 - digitErrors / (double) digits));
      bands.forEach(
          (band, c) -> s.append(String.format(" %s: %.4f (%d)", band, c[1] / (double) c[0], c[0])));
      return s.toString();
    }

    private static double round(int part, int whole) {
      return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
    }
  }

  static int editDistance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
