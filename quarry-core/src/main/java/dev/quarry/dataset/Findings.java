package dev.quarry.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.Example;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation findings a record carries in {@code meta.findings}: an array of objects with at least
 * {@code rule} and {@code severity} ({@code error}, {@code warning} or {@code info}), as the validate stage
 * writes them for accepted records. Records without the field have no findings.
 *
 * @param errors number of error findings
 * @param warnings number of warning findings
 * @param rules the rule id of each warning or error, in record order
 */
public record Findings(int errors, int warnings, List<String> rules) {
  /** Copies the list. */
  public Findings {
    rules = List.copyOf(rules);
  }

  /** Whether the record had a {@code meta.findings} array at all. */
  public static boolean present(Example e) {
    return e.meta().path("findings").isArray();
  }

  /** Reads the findings of an example; unknown shapes count as nothing. */
  public static Findings of(Example e) {
    JsonNode arr = e.meta().path("findings");
    if (!arr.isArray()) {
      return new Findings(0, 0, List.of());
    }
    int errors = 0;
    int warnings = 0;
    List<String> rules = new ArrayList<>();
    for (JsonNode f : arr) {
      String sev = f.path("severity").asText("");
      if (sev.equals("error")) {
        errors++;
      } else if (sev.equals("warning")) {
        warnings++;
      } else {
        continue;
      }
      String rule = f.path("rule").asText("");
      if (!rule.isEmpty()) {
        rules.add(rule);
      }
    }
    return new Findings(errors, warnings, rules);
  }
}
