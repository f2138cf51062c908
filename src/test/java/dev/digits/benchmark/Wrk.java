package dev.digits.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the wrk load generator (Debian's package) with a script that rotates request bodies. */
final class Wrk {
  /** One run's figures; latencies in milliseconds. */
  record Result(long requests, double seconds, long errors, double p50, double p90, double p99) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private static final Pattern SUMMARY =
      Pattern.compile("WRK (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)");
  private final Path script;

  /** Writes the Lua script: POST with the bodies in turn, or plain GET when there are none. */
  Wrk(Path dir, List<String> bodies) throws IOException {
    this(
        dir.resolve(bodies.isEmpty() ? "get.lua" : "post.lua"),
        bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList(),
        "application/json",
        null);
  }

  /**
   * Writes a Lua script at {@code script} that POSTs the bodies in turn with this Content-Type and,
   * where {@code headerLengths} is given, an Inference-Header-Content-Length per body (the Open
   * Inference Protocol's binary form).
   */
  Wrk(Path script, List<byte[]> bodies, String contentType, List<Integer> headerLengths)
      throws IOException {
    Files.createDirectories(script.getParent());
    StringBuilder lua = new StringBuilder("local bodies = {\n");
    for (byte[] b : bodies) {
      lua.append("  \"").append(luaEscaped(b)).append("\",\n");
    }
    lua.append("}\nlocal lengths = {");
    if (headerLengths != null) {
      headerLengths.forEach(n -> lua.append(n).append(", "));
    }
    lua.append("}\nlocal i = 0\n")
        .append("request = function()\n")
        .append("  if #bodies == 0 then return wrk.format('GET') end\n")
        .append("  i = i % #bodies + 1\n")
        .append("  local h = {['Content-Type'] = '")
        .append(contentType)
        .append("'}\n")
        .append("  if #lengths > 0 then h['Inference-Header-Content-Length'] = lengths[i] end\n")
        .append("  return wrk.format('POST', nil, h, bodies[i])\n")
        .append("end\n")
        .append("done = function(summary, latency, requests)\n")
        .append("  local e = summary.errors\n")
        .append(
            "  io.write(string.format('WRK %d %d %d %d %d %d\\n', summary.requests, summary.duration,\n")
        .append("    e.connect + e.read + e.write + e.status + e.timeout,\n")
        .append("    latency:percentile(50), latency:percentile(90), latency:percentile(99)))\n")
        .append("end\n");
    this.script = script;
    Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Bytes as the inside of a Lua string: printable ASCII as it is, anything else as {@code \ddd}.
   */
  private static String luaEscaped(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        s.append((char) c);
      } else {
        s.append('\\').append(String.format(Locale.ROOT, "%03d", c));
      }
    }
    return s.toString();
  }

  Result run(String url, int connections, int seconds) throws IOException, InterruptedException {
    int threads = Math.min(connections, 2);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                url));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = SUMMARY.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk gave no summary: " + out);
    }
    return new Result(
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)) / 1e6,
        Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)) / 1000.0,
        Long.parseLong(m.group(5)) / 1000.0,
        Long.parseLong(m.group(6)) / 1000.0);
  }

  static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", r.requests());
    m.put("requests_per_s", Math.round(r.perSecond()));
    m.put("errors", r.errors());
    m.put("p50_ms", r.p50());
    m.put("p90_ms", r.p90());
    m.put("p99_ms", r.p99());
    return m;
  }
}
