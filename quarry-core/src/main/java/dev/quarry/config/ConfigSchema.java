package dev.quarry.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of quarry.yaml: every valid key, in one place. A node is either a nested map of keys, a map
 * whose keys are free ({@link #ANY_KEY}), or a {@link Kind} of value. Extending the configuration means
 * adding a key here and reading it in {@link ConfigLoader}.
 */
final class ConfigSchema {
  /** The key under which a map declares the shape of every value of a free-keyed map. */
  static final String ANY_KEY = "*";

  /** Value kinds. */
  enum Kind {
    STRING, INT, NUMBER, BOOL, STRING_LIST, SEVERITY, ANY
  }

  /** The extractor ids quarry.yaml may configure, in pipeline order. */
  static final List<String> EXTRACTORS =
      List.of("openapi", "routes", "tests", "functions", "hooks", "mcp", "agents", "docs", "goals", "handcrafted",
          "history");

  static final Map<String, Object> ROOT = root();

  private ConfigSchema() {}

  private static Map<String, Object> root() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("project", Kind.STRING);
    root.put("system_prompt", Kind.STRING);
    // templates_dir: a folder of <folder>/<name>.txt files replacing bundled templates (see TemplatesDir).
    root.put("templates_dir", Kind.STRING);
    // sources: a list of {path, name, exclude, extractors} (or plain paths), checked by SourceSpec.read.
    root.put("sources", Kind.ANY);
    root.put("categories", Map.of(ANY_KEY, map(
        "paths", Kind.STRING_LIST, "keywords", Kind.STRING_LIST, "target", Kind.INT, "description", Kind.STRING)));
    Map<String, Object> extractors = new LinkedHashMap<>();
    for (String id : EXTRACTORS) {
      Map<String, Object> e = map("enabled", Kind.BOOL, "paths", Kind.STRING_LIST, "exclude", Kind.STRING_LIST,
          "max_examples", Kind.INT, "category", Kind.STRING);
      // extractors.<id>.templates.<name>: path of a file replacing the built-in template <name> (see Templates).
      e.put("templates", Map.of(ANY_KEY, Kind.STRING));
      switch (id) {
        case "openapi" -> {
          e.put("specs", Kind.STRING_LIST);
          e.put("client_language", Kind.STRING);
        }
        case "routes", "tests", "functions", "hooks", "mcp", "agents" -> {
          e.put("min_lines", Kind.INT);
          e.put("max_lines", Kind.INT);
          e.put("max_file_bytes", Kind.INT);
        }
        case "history" -> {
          e.put("bundle", Kind.STRING);
          e.put("max_commits", Kind.INT);
          e.put("since", Kind.STRING);
          e.put("max_files", Kind.INT);
          e.put("max_diff_lines", Kind.INT);
          e.put("follow_up_window", Kind.INT);
          e.put("first_parent", Kind.BOOL);
          e.put("max_chars", Kind.INT);
        }
        default -> { }
      }
      if (id.equals("agents")) {
        // extractors.agents.constructors: the constructor and builder names whose calls define agents.
        e.put("constructors", Kind.STRING_LIST);
      }
      extractors.put(id, e);
    }
    root.put("extractors", extractors);
    root.put("validate", map(
        "attribution", map("terms", Kind.STRING_LIST, "allow", Kind.STRING_LIST, "mentions", Kind.STRING),
        "secrets", map("allow", Kind.STRING_LIST),
        "pii", map("allow", Kind.STRING_LIST),
        "require", map("tests", Kind.SEVERITY, "error_handling", Kind.SEVERITY, "type_hints", Kind.SEVERITY),
        "severity", Map.of(ANY_KEY, Kind.SEVERITY),
        "max_tokens", Kind.INT,
        "tokenizer", Kind.STRING,
        // Opt-in code execution and type checks (ExecuteRule, TypecheckRule; read by ExecSettings).
        "execute", map("enabled", Kind.BOOL, "languages", Kind.STRING_LIST, "timeout", Kind.INT, "cpu", Kind.INT,
            "memory_mb", Kind.INT, "file_mb", Kind.INT, "processes", Kind.INT, "python", Kind.STRING,
            "node", Kind.STRING),
        "typecheck", map("enabled", Kind.BOOL, "tsc", Kind.STRING, "python", Kind.STRING)));
    root.put("dedup", map("mode", Kind.STRING, "threshold", Kind.NUMBER));
    root.put("split", map("validation", Kind.NUMBER, "test", Kind.NUMBER, "seed", Kind.INT));
    root.put("export", map("formats", Kind.STRING_LIST, "trainers", Kind.STRING_LIST, "license", Kind.STRING));
    root.put("train", map("base_model", Kind.STRING, "epochs", Kind.INT, "learning_rate", Kind.NUMBER,
        "lora_r", Kind.INT, "lora_alpha", Kind.INT));
    root.put("synth", map("endpoint", Kind.STRING, "model", Kind.STRING, "api_key_env", Kind.STRING,
        "strategies", Kind.STRING_LIST, "samples", Kind.INT, "overshoot", Kind.NUMBER, "temperature", Kind.NUMBER,
        "answer_tokens", Kind.INT, "max_requests", Kind.INT, "max_tokens", Kind.INT, "concurrency", Kind.INT,
        "retries", Kind.INT, "timeout", Kind.NUMBER, "judge", Kind.BOOL, "min_judge_score", Kind.NUMBER,
        "near_duplicate", Kind.NUMBER, "probes", Kind.STRING_LIST, "cache", Kind.STRING,
        "templates", Map.of(ANY_KEY, Kind.STRING), "seed", Kind.INT));
    return root;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
