package dev.quarry.extract.code;

import dev.quarry.io.Hashing;
import java.util.List;
import java.util.Map;

/**
 * Picks one of several phrasings for a prompt, deterministically by the hash of a key (usually the symbol and
 * path), so that examples read naturally varied while every run produces the same text.
 */
public final class Phrasing {
  private Phrasing() {}

  /** One of {@code templates}, chosen by SHA-256 of {@code key}. */
  public static String pick(String key, List<String> templates) {
    String h = Hashing.sha256(key);
    long v = Long.parseLong(h.substring(0, 12), 16);
    return templates.get((int) (v % templates.size()));
  }

  /** {@link #pick} then replaces every {@code {name}} by its value. */
  public static String fill(String key, List<String> templates, Map<String, String> values) {
    String t = pick(key, templates);
    for (Map.Entry<String, String> e : values.entrySet()) {
      t = t.replace("{" + e.getKey() + "}", e.getValue());
    }
    return t;
  }
}
