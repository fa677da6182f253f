package dev.quarry.validate.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The result of executing or type-checking one example, as written to {@code meta.execution} /
 * {@code meta.typecheck} and to the execution cache.
 *
 * @param status what happened
 * @param reason one line: why it failed or was skipped, empty when it passed
 * @param millis wall-clock time of the run (0 when nothing ran)
 * @param command the command, as run inside the workspace (empty when nothing ran)
 * @param output the last lines of output, secrets redacted (empty when nothing ran)
 */
public record CheckResult(Status status, String reason, long millis, String command, String output) {
  /** Outcomes; {@code SKIPPED} is not a failure. */
  public enum Status {
    PASSED, FAILED, ERROR, TIMEOUT, SKIPPED;

    /** The lower-case name used in JSON. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How many lines of output a result keeps. */
  public static final int OUTPUT_LINES = 20;

  /** A result for which nothing ran. */
  public static CheckResult skipped(String reason) {
    return new CheckResult(Status.SKIPPED, reason, 0, "", "");
  }

  /** Whether this counts as a failure of the example (failed, error or timeout). */
  public boolean bad() {
    return status == Status.FAILED || status == Status.ERROR || status == Status.TIMEOUT;
  }

  /** The last {@link #OUTPUT_LINES} lines of {@code output}. */
  public static String lastLines(String output) {
    String[] lines = output.strip().split("\n");
    int from = Math.max(0, lines.length - OUTPUT_LINES);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }

  /** This result as JSON. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("status", status.wire());
    if (!reason.isEmpty()) {
      o.put("reason", reason);
    }
    if (!command.isEmpty()) {
      o.put("command", command).put("duration_ms", millis);
    }
    if (!output.isEmpty()) {
      o.put("output", output);
    }
    return o;
  }

  /** Reads {@link #toJson()}; null when {@code n} is not such an object. */
  public static CheckResult fromJson(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("status").isTextual()) {
      return null;
    }
    try {
      return new CheckResult(Status.valueOf(n.get("status").asText().toUpperCase(Locale.ROOT)),
          n.path("reason").asText(""), n.path("duration_ms").asLong(0), n.path("command").asText(""),
          n.path("output").asText(""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
