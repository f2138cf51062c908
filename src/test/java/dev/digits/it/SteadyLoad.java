package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.mnist.CanvasRenderer;
import dev.digits.mnist.CanvasRenderer.Style;
import dev.digits.mnist.MnistDataset;
import dev.digits.mnist.MnistFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests at a fixed rate, whatever the answers take (an open loop, as real clients arrive), each
 * answer checked against the one its request got alone.
 */
final class SteadyLoad implements AutoCloseable {
  /** One request the load sends, and the body its answer must have. */
  record Call(String path, String body, String expected) {}

  /** What the load saw: requests sent, answered right, and every other outcome in words. */
  record Outcome(int sent, int right, List<String> failures) {
    @Override
    public String toString() {
      return sent
          + " sent, "
          + right
          + " right, "
          + failures.size()
          + " failed or wrong"
          + (failures.isEmpty() ? "" : ": " + failures.subList(0, Math.min(5, failures.size())));
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger right = new AtomicInteger();

  /**
   * Calls of count MNIST test digits from offset on, drawn as the old canvas sent them, on each
   * route, each with the answer it gets alone from base (checked against the labels: 95 % right).
   */
  static List<Call> answeredAlone(Http http, List<String> routes, int offset, int count) {
    MnistDataset test = MnistFixture.test();
    List<Call> calls = new ArrayList<>();
    int labelled = 0;
    for (int i = offset; i < offset + count; i++) {
      String body =
          CanvasRenderer.dataUrl(
              CanvasRenderer.png(CanvasRenderer.render(test.images()[i], Style.oldCanvas())));
      for (String route : routes) {
        HttpResponse<String> alone = http.post(route, "application/json", body);
        assertEquals(200, alone.statusCode(), alone.body());
        calls.add(new Call(route, body, alone.body()));
        labelled += Integer.parseInt(alone.body()) == test.labels()[i] ? 1 : 0;
      }
    }
    assertTrue(labelled >= calls.size() * 95 / 100, labelled + " of " + calls.size() + " right");
    return calls;
  }

  /** Starts sending calls in turn to base, perSecond of them each second, until stopped. */
  SteadyLoad(URI base, List<Call> calls, int perSecond) {
    ticks.scheduleAtFixedRate(
        () -> send(base, calls.get(sent.getAndIncrement() % calls.size())),
        0,
        1_000_000 / perSecond,
        TimeUnit.MICROSECONDS);
  }

  private void send(URI base, Call call) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(call.path()))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(call.body()))
            .build();
    pending.add(
        client
            .sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .whenComplete(
                (r, e) -> {
                  if (e != null) {
                    failures.add(call.path() + ": " + e);
                  } else if (r.statusCode() != 200 || !r.body().equals(call.expected())) {
                    failures.add(
                        call.path()
                            + ": "
                            + r.statusCode()
                            + " "
                            + r.body()
                            + " (alone: "
                            + call.expected()
                            + ")");
                  } else {
                    right.incrementAndGet();
                  }
                }));
  }

  /** Stops sending and waits for every answer still due. */
  Outcome stop() {
    ticks.shutdownNow();
    try {
      ticks.awaitTermination(5, TimeUnit.SECONDS);
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null)
          .get(90, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("interrupted while answers were due");
    } catch (ExecutionException | TimeoutException e) {
      failures.add("answers still due after 90 s: " + e);
    }
    return new Outcome(sent.get(), right.get(), new ArrayList<>(failures));
  }

  @Override
  public void close() {
    stop();
  }
}
