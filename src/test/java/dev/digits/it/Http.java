package dev.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for black-box tests against the deployed application. */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  public Http(URL base) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public HttpResponse<String> post(String path, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  public HttpResponse<String> method(String method, String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The answer as bytes, for binary bodies. */
  public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A gauge the server reports at /prometheus (Prometheus text: name, labels, value); 0 where it
   * reports none.
   */
  public double metric(String name) {
    return get("/prometheus")
        .body()
        .lines()
        .filter(line -> line.startsWith(name))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .max()
        .orElse(0);
  }

  /** A series' value in the app's metrics, exactly as named (labels included); 0 where absent. */
  public double metricValue(String series) {
    return new Scrape(get("/prometheus").body()).value(series);
  }

  public static JsonStructure json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).read();
  }

  /** Any JSON value, such as the bare number the old routes answer. */
  public static JsonValue jsonValue(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readValue();
  }

  /**
   * Waits up to two minutes until the server reports both models loaded (ND4J takes seconds to
   * start), so that a test's own ND4J, loaded next, never starts alongside the server's: both
   * unpack into JavaCPP's one cache.
   */
  void awaitReady() throws InterruptedException {
    HttpResponse<String> ready = get("/health/ready");
    for (int tries = 0; ready.statusCode() != 200 && tries < 240; tries++) {
      Thread.sleep(500);
      ready = get("/health/ready");
    }
    assertEquals(200, ready.statusCode(), ready.body());
  }
}
