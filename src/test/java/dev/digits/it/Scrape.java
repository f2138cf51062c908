package dev.digits.it;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** One scrape of the app's Prometheus text: each series' value by its name and labels. */
final class Scrape {
  private final Map<String, Double> values = new HashMap<>();

  Scrape(String text) {
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
  }

  /**
   * A series' value, 0 where the scrape has none (a counter not yet made); labels as name, value
   * pairs, in any order.
   */
  double value(String name, String... labels) {
    return values.getOrDefault(series(name, labels), 0.0);
  }

  boolean has(String name, String... labels) {
    return values.containsKey(series(name, labels));
  }

  /** The sum over every series of that name. */
  double sum(String name) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** The series as the registry writes it: labels sorted by name, a histogram's le last. */
  private static String series(String name, String... labels) {
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      sorted.put(labels[i], labels[i + 1]);
    }
    if (sorted.isEmpty()) {
      return name;
    }
    String le = sorted.remove("le");
    StringBuilder s = new StringBuilder(name).append('{');
    sorted.forEach((k, v) -> label(s, k, v));
    if (le != null) {
      label(s, "le", le);
    }
    s.setLength(s.length() - 1);
    return s.append('}').toString();
  }

  private static void label(StringBuilder s, String name, String value) {
    s.append(name).append("=\"").append(value).append("\",");
  }
}
