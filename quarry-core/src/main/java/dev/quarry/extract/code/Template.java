package dev.quarry.extract.code;

import dev.quarry.ConfigException;
import dev.quarry.io.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One purpose's phrasings (e.g. the prompt of a function example), read from a template file. Placeholders are
 * written {@code {name}}; {@code {{} and {@code }}} stand for literal braces. Filling replaces placeholders in one
 * pass over the phrasing, so values are never scanned again (a value may contain braces). Immutable and
 * thread-safe.
 *
 * @param source where the file came from (a classpath resource or a configured path), for error messages
 * @param variants the phrasings, at least one
 * @param firstLines the line of {@code source} each variant starts on (parallel to {@code variants})
 */
public record Template(String source, List<String> variants, List<Integer> firstLines) {
  /** Copies the lists; requires at least one variant and one start line per variant. */
  public Template {
    Objects.requireNonNull(source, "source");
    variants = List.copyOf(variants);
    firstLines = List.copyOf(firstLines);
    if (variants.isEmpty() || variants.size() != firstLines.size()) {
      throw new IllegalArgumentException(source + ": a template needs at least one phrasing");
    }
  }

  /** The index of the variant chosen for {@code key}: SHA-256 of the key modulo the number of variants. */
  public int index(String key) {
    long v = Long.parseLong(Hashing.sha256(key).substring(0, 12), 16);
    return (int) (v % variants.size());
  }

  /** The raw phrasing chosen for {@code key}, placeholders unfilled. */
  public String pick(String key) {
    return variants.get(index(key));
  }

  /**
   * The phrasing chosen for {@code key} with every placeholder replaced by its value.
   *
   * @throws ConfigException when the phrasing names a placeholder {@code values} does not have (a typo in an
   *     overriding file), quoting the file, line and the known names
   */
  public String fill(String key, Map<String, String> values) {
    return fillAt(index(key), values);
  }

  /**
   * Phrasing {@code i} (0-based, in file order) with every placeholder replaced, for files whose phrasings are
   * parts with fixed roles rather than alternatives.
   *
   * @throws ConfigException as {@link #fill}, or when the file has fewer than {@code i + 1} phrasings
   */
  public String fillAt(int i, Map<String, String> values) {
    if (i >= variants.size()) {
      throw new ConfigException(source, 1, "template has " + variants.size() + " phrasings, needs " + (i + 1),
          "keep one phrasing per documented part, separated by lines ---");
    }
    String t = variants.get(i);
    StringBuilder out = new StringBuilder(t.length() + 64);
    int p = 0;
    while (p < t.length()) {
      char c = t.charAt(p);
      if (c == '{' && p + 1 < t.length() && t.charAt(p + 1) == '{') {
        out.append('{');
        p += 2;
      } else if (c == '}' && p + 1 < t.length() && t.charAt(p + 1) == '}') {
        out.append('}');
        p += 2;
      } else if (c == '{') {
        int end = t.indexOf('}', p);
        String name = end < 0 ? t.substring(p + 1) : t.substring(p + 1, end);
        String v = end < 0 ? null : values.get(name);
        if (v == null) {
          int line = firstLines.get(i) + (int) t.substring(0, p).chars().filter(ch -> ch == '\n').count();
          throw new ConfigException(source, line, "unknown placeholder {" + name + "}",
              "use one of " + new ArrayList<>(new java.util.TreeSet<>(values.keySet())) + ", or {{ for a literal brace");
        }
        out.append(v);
        p = end + 1;
      } else {
        out.append(c);
        p++;
      }
    }
    return out.toString();
  }
}
