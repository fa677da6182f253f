package dev.quarry.synth;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One API surface of the platform an instruction is built around: an operation's endpoint, its route handler, the
 * SDK method or hook that calls it, or the MCP tool over it, with how many mined examples mention it.
 *
 * @param kind {@code endpoint}, {@code handler}, {@code sdk-method}, {@code hook} or {@code tool}
 * @param name the name as code writes it ({@code search_vectors}, {@code useVectorSearch}); for an endpoint its
 *     normalised path ({@code /v1/collections/{}/vectors/search})
 * @param display the name as the prompt shows it, with the SDK class or the required parameters when known
 * @param family the language family of its code, {@code python} or {@code typescript}; "" for an endpoint, which
 *     any language calls
 * @param route the operation it reaches, {@code METHOD path}; "" when unknown (a surface from symbols.json)
 * @param where the file and line it is defined at, {@code path:line}; "" when unknown
 * @param summary the operation's summary, or ""
 * @param examples mined examples that mention it
 */
public record ApiFocus(String kind, String name, String display, String family, String route, String where,
    String summary, long examples) {
  /** Null-checks. */
  public ApiFocus {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** This surface with another mention count. */
  ApiFocus withExamples(long n) {
    return new ApiFocus(kind, name, display, family, route, where, summary, n);
  }

  /** Whether a seed in {@code language} can use it: an endpoint always, else the same language family. */
  boolean fits(String language) {
    String f = family(language);
    return family.isEmpty() || f.isEmpty() || family.equals(f);
  }

  /** The values of the {@code focus} template. */
  Map<String, String> values() {
    Map<String, String> v = new TreeMap<>();
    v.put("kind", kind);
    v.put("surface", display);
    v.put("route", route.isEmpty() ? "unknown" : route);
    v.put("where", where.isEmpty() ? "unknown" : where);
    v.put("summary", summary.isEmpty() ? "none" : summary);
    v.put("examples", Long.toString(examples));
    return v;
  }

  /** The language family of a record's or a file's language: python, typescript (also tsx, js), or "". */
  static String family(String language) {
    return switch (language) {
      case "python", "py" -> "python";
      case "typescript", "tsx", "ts", "javascript", "js", "jsx" -> "typescript";
      default -> "";
    };
  }
}
