package dev.quarry.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.HtmlText;
import dev.quarry.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browsable record lists of the report: the first records of a file as collapsible entries, with a text
 * filter. Redaction, in this order: what a {@code secrets}/{@code pii} finding points at is replaced whole — a
 * line ({@code role[#k]:line}, e.g. {@code assistant:14} or {@code assistant#2:3}, the validate stage's
 * location form) or a whole message ({@code role[#k]}); if such a finding has another location (e.g.
 * {@code record}), every message of the record is hidden; then all shown text is
 * {@link Redactor#scrub scrubbed} and escaped. Long messages are cut to {@value #MAX_CHARS} characters.
 */
final class RecordSamples {
  static final int MAX_CHARS = 2000;

  private static final Set<String> SENSITIVE = Set.of("secrets", "secret", "pii");
  private static final Pattern LOCATION = Pattern.compile("^(system|user|assistant)(?:#(\\d+))?(?::(\\d+))?$");
  /** The line number standing for "the whole message" in the sets of {@link #sensitiveLines}. */
  static final int WHOLE = 0;

  private RecordSamples() {}

  /**
   * Appends a sample of {@code file}: in file order, at most {@code perGroup} records per category (per first
   * rule for rejected records) so that one large group does not fill the sample, and {@code limit} in all.
   */
  static void section(StringBuilder h, String id, String title, Path file, int limit, int perGroup)
      throws IOException {
    h.append("<section id=\"").append(id).append("\"><h2>").append(HtmlText.esc(title)).append("</h2>\n");
    if (file == null || !Files.isRegularFile(file)) {
      h.append("<p class=\"na\">n/a</p>\n</section>\n");
      return;
    }
    h.append("<input class=\"filter\" type=\"search\" placeholder=\"filter by text, category, rule…\" ")
        .append("oninput=\"var q = this.value.toLowerCase(); this.parentNode.querySelectorAll('details').forEach(")
        .append("function (d) { d.style.display = d.textContent.toLowerCase().indexOf(q) &lt; 0 ? 'none' : ''; });\">\n");
    int shown = 0;
    Map<String, Integer> perKey = new TreeMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (shown < limit && (line = r.readLine()) != null) {
        if (!line.isBlank() && perKey.merge(group(line), 1, Integer::sum) <= perGroup) {
          record(h, line);
          shown++;
        }
      }
    }
    if (shown == 0) {
      h.append("<p class=\"na\">none</p>\n");
    }
    h.append("</section>\n");
  }

  private static String group(String line) {
    try {
      JsonNode n = Json.mapper().readTree(line);
      return n.path("rejection").path(0).path("rule").asText("") + "/" + n.path("category").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private static void record(StringBuilder h, String line) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(line);
    } catch (IOException e) {
      h.append("<details><summary>unreadable line</summary></details>\n");
      return;
    }
    Map<String, Set<Integer>> redact = new TreeMap<>();
    boolean hideAll = sensitiveLines(n.path("rejection"), redact);
    h.append("<details><summary><code>").append(esc(n.path("id").asText("no id"))).append("</code> · ")
        .append(esc(n.path("category").asText("?"))).append(" · ").append(esc(n.path("language").asText("?")))
        .append(" · ").append(esc(n.path("source").path("path").asText(""))).append(badges(n.path("rejection")))
        .append("</summary>\n");
    if (n.path("rejection").isArray()) {
      h.append("<ul class=\"reasons\">");
      for (JsonNode r : n.get("rejection")) {
        h.append("<li><b>").append(esc(r.path("rule").asText())).append("</b> ").append(esc(r.path("severity").asText()))
            .append(" at ").append(esc(r.path("location").asText())).append(": ").append(esc(r.path("message").asText()))
            .append("</li>");
      }
      h.append("</ul>\n");
    }
    if (!n.path("messages").isArray()) {
      String raw = n.path("raw").isTextual() ? n.get("raw").asText() : n.toString();
      h.append("<pre>").append(hideAll ? "[hidden: flagged as sensitive]" : esc(cut(Redactor.scrub(raw)))).append("</pre>");
    }
    Map<String, Integer> seen = new TreeMap<>();
    for (JsonNode m : n.path("messages")) {
      String role = m.path("role").asText("?");
      String key = role + "#" + seen.merge(role, 1, Integer::sum);
      String text = hideAll ? "[hidden: a sensitive finding without a line]"
          : redactLines(m.path("content").asText(""), redact.getOrDefault(key, Set.of()));
      h.append("<div class=\"msg\"><div class=\"role\">").append(esc(role)).append("</div><pre>")
          .append(hideAll ? text : esc(cut(Redactor.scrub(text)))).append("</pre></div>\n");
    }
    h.append("</details>\n");
  }

  /**
   * Collects the lines of sensitive findings by message ({@code role#k}, k from 1; line {@value #WHOLE} for the
   * whole message); true when a finding cannot be located (hide everything).
   */
  static boolean sensitiveLines(JsonNode rejections, Map<String, Set<Integer>> out) {
    boolean unresolved = false;
    for (JsonNode r : rejections) {
      if (!SENSITIVE.contains(r.path("rule").asText().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Matcher m = LOCATION.matcher(r.path("location").asText());
      if (m.matches()) {
        String key = m.group(1) + "#" + (m.group(2) == null ? "1" : m.group(2));
        out.computeIfAbsent(key, k -> new TreeSet<>()).add(m.group(3) == null ? WHOLE : Integer.parseInt(m.group(3)));
      } else {
        unresolved = true;
      }
    }
    return unresolved;
  }

  /** {@code text} with the given 1-based lines replaced by a redaction mark; {@value #WHOLE} hides it all. */
  static String redactLines(String text, Set<Integer> lines) {
    if (lines.isEmpty()) {
      return text;
    }
    if (lines.contains(WHOLE)) {
      return Redactor.MASK + " (message flagged by a rule)";
    }
    String[] parts = text.split("\n", -1);
    for (int line : lines) {
      if (line >= 1 && line <= parts.length) {
        parts[line - 1] = Redactor.MASK + " (line flagged by a rule)";
      }
    }
    return String.join("\n", parts);
  }

  private static String badges(JsonNode rejections) {
    Set<String> rules = new TreeSet<>();
    rejections.forEach(r -> rules.add(r.path("rule").asText()));
    StringBuilder sb = new StringBuilder();
    rules.forEach(r -> sb.append("<span class=\"badge\">").append(HtmlText.esc(r)).append("</span>"));
    return sb.toString();
  }

  private static String cut(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "\n… (" + (s.length() - MAX_CHARS) + " more characters)";
  }

  private static String esc(String s) {
    return HtmlText.esc(Redactor.scrub(s));
  }
}
