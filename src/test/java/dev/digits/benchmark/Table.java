package dev.digits.benchmark;

import java.util.Locale;
import java.util.Map;

/** The benchmark's figures as the Markdown tables BENCHMARKS.md holds. */
final class Table {
  private Table() {}

  @SuppressWarnings("unchecked")
  static String of(Map<String, Object> r) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> ceiling = (Map<String, Object>) r.get("ceiling GET /health/live");
    sb.append(
        "| Route | p50 ms (1 client) | p90 ms | p99 ms | req/s at 2 | req/s at 8 | req/s at 32 | errors | share of ceiling at 8 |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Object> e : r.entrySet()) {
      if (!e.getKey().startsWith("POST ") && !e.getKey().startsWith("ceiling")) {
        continue;
      }
      Map<String, Object> runs = (Map<String, Object>) e.getValue();
      Map<String, Object> c1 = (Map<String, Object>) runs.get("c1");
      long errors = 0;
      for (Object run : runs.values()) {
        errors += ((Number) ((Map<String, Object>) run).get("errors")).longValue();
      }
      sb.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(c1 == null ? "" : c1.get("p50_ms"))
          .append(" | ")
          .append(c1 == null ? "" : c1.get("p90_ms"))
          .append(" | ")
          .append(c1 == null ? "" : c1.get("p99_ms"))
          .append(" | ")
          .append(runs.containsKey("c2") ? rate(runs, "c2") : "")
          .append(" | ")
          .append(rate(runs, "c8"))
          .append(" | ")
          .append(runs.containsKey("c32") ? rate(runs, "c32") : "")
          .append(" | ")
          .append(errors)
          .append(" | ")
          .append(
              String.format(Locale.ROOT, "%.0f %%", 100.0 * rate(runs, "c8") / rate(ceiling, "c8")))
          .append(" |\n");
    }
    sb.append("\n| Measure | Value |\n|---|---|\n");
    for (Map.Entry<String, Object> e : r.entrySet()) {
      if (!(e.getValue() instanceof Map)) {
        sb.append("| ")
            .append(e.getKey())
            .append(" | ")
            .append(format(e.getValue()))
            .append(" |\n");
      }
    }
    for (Map.Entry<String, Object> e :
        ((Map<String, Object>) r.get("warm_up_req_per_s")).entrySet()) {
      sb.append("| warm-up req/s at 8, 10 s runs until steady, ")
          .append(e.getKey())
          .append(" | ")
          .append(e.getValue())
          .append(" |\n");
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) r.get("in_process")).entrySet()) {
      sb.append("| in-process ")
          .append(e.getKey())
          .append(" | ")
          .append(format(e.getValue()))
          .append(" |\n");
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static long rate(Map<String, Object> runs, String key) {
    return ((Number) ((Map<String, Object>) runs.get(key)).get("requests_per_s")).longValue();
  }

  private static String format(Object v) {
    return v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(v);
  }
}
