package dev.digits.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the benchmark's nested maps as indented JSON. */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb, "");
    return sb.append('\n').toString();
  }

  private static void write(Object v, StringBuilder sb, String indent) {
    if (v instanceof Map<?, ?> m) {
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(indent).append("  \"").append(e.getKey()).append("\": ");
        write(e.getValue(), sb, indent + "  ");
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      sb.append(indent).append('}');
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        write(list.get(i), sb, indent);
        sb.append(i + 1 < list.size() ? ", " : "");
      }
      sb.append(']');
    } else if (v instanceof Double d) {
      sb.append(String.format(Locale.ROOT, "%.2f", d));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      sb.append('"')
          .append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
  }
}
