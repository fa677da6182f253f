package dev.quarry.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the {@code synth:} section of a checked configuration tree into {@link SynthSettings}. */
final class SynthConfig {
  private SynthConfig() {}

  /**
   * @throws ConfigException when the section is present without an endpoint or a model, names an unknown
   *     strategy, or holds a value out of range
   */
  static SynthSettings bind(String file, JsonNode n, YamlLines lines) {
    SynthSettings d = SynthSettings.none();
    if (n == null || n.isMissingNode() || n.isNull()) {
      return d;
    }
    String endpoint = n.path("endpoint").asText("");
    String model = n.path("model").asText("");
    if (endpoint.isBlank() || model.isBlank()) {
      throw new ConfigException(file, lines.line("/synth"), "synth: needs both endpoint and model",
          "add e.g. endpoint: http://localhost:8000/v1 and model: Qwen/Qwen2.5-Coder-7B-Instruct, or remove synth:");
    }
    String keyEnv = n.path("api_key_env").asText(d.apiKeyEnv());
    if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      // Never echo the value: it may be the key itself.
      throw new ConfigException(file, lines.line("/synth/api_key_env"),
          "synth.api_key_env takes the name of an environment variable, not a key",
          "export QUARRY_API_KEY=... and write api_key_env: QUARRY_API_KEY");
    }
    List<String> strategies = new ArrayList<>();
    if (n.has("strategies")) {
      JsonNode list = n.get("strategies");
      if (list.isTextual()) {
        strategies.add(list.asText());
      } else {
        list.forEach(s -> strategies.add(s.asText()));
      }
      if (strategies.isEmpty()) {
        throw new ConfigException(file, lines.line("/synth/strategies"), "synth.strategies is empty",
            "name at least one of " + String.join(", ", SynthSettings.STRATEGIES) + ", or remove the key for all");
      }
      for (String s : strategies) {
        if (!SynthSettings.STRATEGIES.contains(s)) {
          throw new ConfigException(file, lines.line("/synth/strategies"), "synth strategy \"" + s + "\" is unknown",
              "use some of " + String.join(", ", SynthSettings.STRATEGIES) + " (nearest: "
                  + NearestKey.of(s, SynthSettings.STRATEGIES).orElse("none") + ")");
        }
      }
    } else {
      strategies.addAll(d.strategies());
    }
    int samples = n.path("samples").asInt(d.samples());
    double overshoot = n.has("overshoot") ? ConfigLoader.number(n.get("overshoot")) : d.overshoot();
    double temperature = n.has("temperature") ? ConfigLoader.number(n.get("temperature")) : d.temperature();
    double nearDup = n.has("near_duplicate") ? ConfigLoader.number(n.get("near_duplicate")) : d.nearDuplicate();
    double timeout = n.has("timeout") ? ConfigLoader.number(n.get("timeout")) : d.timeoutSeconds();
    int concurrency = n.path("concurrency").asInt(d.concurrency());
    check(file, lines, "samples", samples >= 1 && samples <= 16, samples, "give 1 to 16");
    check(file, lines, "overshoot", overshoot >= 1 && overshoot <= 10, overshoot, "give 1 to 10, e.g. 2");
    check(file, lines, "temperature", temperature >= 0 && temperature <= 2, temperature, "give 0 to 2");
    check(file, lines, "near_duplicate", nearDup > 0 && nearDup <= 1, nearDup, "give a value in (0, 1]");
    check(file, lines, "timeout", timeout > 0, timeout, "give a positive number of seconds");
    check(file, lines, "concurrency", concurrency >= 1 && concurrency <= 256, concurrency, "give 1 to 256");
    int answerTokens = n.path("answer_tokens").asInt(d.answerTokens());
    check(file, lines, "answer_tokens", answerTokens >= 16, answerTokens, "give at least 16, e.g. 1024");
    int retries = n.path("retries").asInt(d.retries());
    check(file, lines, "retries", retries <= 20, retries, "give 0 to 20");
    double minScore = n.has("min_judge_score") ? ConfigLoader.number(n.get("min_judge_score")) : d.minJudgeScore();
    check(file, lines, "min_judge_score", minScore >= 1 && minScore <= 5, minScore, "give 1 to 5 (the judge's scale)");
    List<String> probes = new ArrayList<>();
    n.path("probes").forEach(p -> probes.add(p.asText()));
    if (n.path("probes").isTextual()) {
      probes.add(n.get("probes").asText());
    }
    Map<String, String> templates = new TreeMap<>();
    n.path("templates").fields().forEachRemaining(f -> templates.put(f.getKey(), f.getValue().asText()));
    for (String id : templates.keySet()) {
      if (!SynthSettings.TEMPLATE_IDS.contains(id)) {
        throw new ConfigException(file, lines.line("/synth/templates/" + id), "unknown key \"synth.templates." + id + "\"",
            NearestKey.of(id, SynthSettings.TEMPLATE_IDS).map(k -> "did you mean \"" + k + "\"?")
                .orElse("valid keys here: " + String.join(", ", SynthSettings.TEMPLATE_IDS)));
      }
    }
    return new SynthSettings(endpoint.strip(), model.strip(), keyEnv, strategies, samples, overshoot, temperature,
        answerTokens, n.path("max_requests").asInt(0), n.path("max_tokens").asLong(0), concurrency, retries, timeout,
        n.path("judge").asBoolean(false), minScore, nearDup, probes,
        n.path("cache").asText(""), templates, n.path("seed").asLong(d.seed()));
  }

  private static void check(String file, YamlLines lines, String key, boolean ok, Object value, String fix) {
    if (!ok) {
      throw new ConfigException(file, lines.line("/synth/" + key), "synth." + key + " " + value + " is out of range",
          fix);
    }
  }
}
