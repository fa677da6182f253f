package dev.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code synth:} section of quarry.yaml: every key, its defaults, and one-line errors with file and line. */
class SynthConfigTest {
  private static final String HEAD = "project: acme\nsynth:\n  endpoint: http://localhost:8000/v1\n  model: coder\n";

  private static SynthSettings parse(String extra) {
    return ConfigLoader.parse("q.yaml", HEAD + extra).synth();
  }

  @Test
  void withoutASynthSectionSynthesisIsNotConfigured() {
    assertThat(ConfigLoader.parse("q.yaml", "project: acme\n").synth().configured()).isFalse();
    assertThat(ConfigLoader.parse("q.yaml", "project: acme\n").synth()).isEqualTo(SynthSettings.none());
  }

  @Test
  void endpointAndModelAloneTakeTheDocumentedDefaults() {
    SynthSettings s = parse("");
    assertThat(s.configured()).isTrue();
    assertThat(s.endpoint()).isEqualTo("http://localhost:8000/v1");
    assertThat(s.model()).isEqualTo("coder");
    assertThat(s.apiKeyEnv()).isEqualTo("QUARRY_API_KEY");
    assertThat(s.strategies()).containsExactlyElementsOf(SynthSettings.STRATEGIES);
    assertThat(List.of(s.samples(), s.answerTokens(), s.maxRequests(), s.concurrency(), s.retries()))
        .containsExactly(2, 1024, 0, 4, 3);
    assertThat(List.of(s.overshoot(), s.temperature(), s.timeoutSeconds(), s.minJudgeScore(), s.nearDuplicate()))
        .containsExactly(2.0, 0.7, 120.0, 3.0, 0.8);
    assertThat(s.maxTokens()).isZero();
    assertThat(s.judge()).isFalse();
    assertThat(s.probes()).isEmpty();
    assertThat(s.cache()).isEmpty();
    assertThat(s.templates()).isEmpty();
    assertThat(s.seed()).isEqualTo(42);
  }

  @Test
  void everyKeyIsRead() {
    SynthSettings s = parse("""
          api_key_env: VLLM_KEY
          strategies: [docs-qa, self-align]
          samples: 3
          overshoot: 1.5
          temperature: 0.2
          answer_tokens: 512
          max_requests: 100
          max_tokens: 200000
          concurrency: 8
          retries: 5
          timeout: 30
          judge: true
          min_judge_score: 4
          near_duplicate: 0.6
          probes: [eval/probes.jsonl]
          cache: .cache/synth
          templates: {self-align: prompts/self-align.txt, focus: prompts/focus.txt}
          seed: 7
        """);
    assertThat(s.apiKeyEnv()).isEqualTo("VLLM_KEY");
    assertThat(s.strategies()).containsExactly("docs-qa", "self-align");
    assertThat(List.of(s.samples(), s.answerTokens(), s.maxRequests(), s.concurrency(), s.retries()))
        .containsExactly(3, 512, 100, 8, 5);
    assertThat(List.of(s.overshoot(), s.temperature(), s.timeoutSeconds(), s.minJudgeScore(), s.nearDuplicate()))
        .containsExactly(1.5, 0.2, 30.0, 4.0, 0.6);
    assertThat(s.maxTokens()).isEqualTo(200_000);
    assertThat(s.judge()).isTrue();
    assertThat(s.probes()).containsExactly("eval/probes.jsonl");
    assertThat(s.cache()).isEqualTo(".cache/synth");
    assertThat(s.templates()).isEqualTo(Map.of("focus", "prompts/focus.txt", "self-align", "prompts/self-align.txt"));
    assertThat(s.seed()).isEqualTo(7);
  }

  @Test
  void aSingleStrategyOrProbeMayBeWrittenWithoutAList() {
    SynthSettings s = parse("  strategies: evolve-fix-bug\n  probes: eval/probes.jsonl\n");
    assertThat(s.strategies()).containsExactly("evolve-fix-bug");
    assertThat(s.probes()).containsExactly("eval/probes.jsonl");
  }

  @Test
  void aSectionWithoutModelNamesTheLineOfSynth() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "project: x\nsynth:\n  endpoint: http://h/v1\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("q.yaml:2: synth: needs both endpoint and model (add e.g. endpoint:");
  }

  @Test
  void anUnknownKeyNamesTheNearestKey() {
    assertThatThrownBy(() -> parse("  max_request: 10\n"))
        .hasMessage("q.yaml:5: unknown key \"synth.max_request\" (did you mean \"max_requests\"?)");
    assertThatThrownBy(() -> parse("  temprature: 0.1\n"))
        .hasMessage("q.yaml:5: unknown key \"synth.temprature\" (did you mean \"temperature\"?)");
  }

  @Test
  void anUnknownTemplateIdNamesTheNearestTemplate() {
    assertThatThrownBy(() -> parse("  templates:\n    self-aline: p.txt\n"))
        .hasMessage("q.yaml:6: unknown key \"synth.templates.self-aline\" (did you mean \"self-align\"?)");
  }

  @Test
  void anUnknownStrategyNamesTheValidOnesAndTheNearest() {
    assertThatThrownBy(() -> parse("  strategies: [self-align, evolve-fixbug]\n"))
        .hasMessage("q.yaml:5: synth strategy \"evolve-fixbug\" is unknown (use some of self-align, evolve-constraint, "
            + "evolve-error-case, evolve-fix-bug, evolve-refactor, docs-qa (nearest: evolve-fix-bug))");
    assertThatThrownBy(() -> parse("  strategies: []\n")).hasMessageStartingWith("q.yaml:5: synth.strategies is empty");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "samples|0|synth.samples 0 is out of range (give 1 to 16)",
      "samples|17|synth.samples 17 is out of range (give 1 to 16)",
      "overshoot|0.5|synth.overshoot 0.5 is out of range (give 1 to 10, e.g. 2)",
      "temperature|2.5|synth.temperature 2.5 is out of range (give 0 to 2)",
      "near_duplicate|0|synth.near_duplicate 0.0 is out of range (give a value in (0, 1])",
      "timeout|0|synth.timeout 0.0 is out of range (give a positive number of seconds)",
      "concurrency|0|synth.concurrency 0 is out of range (give 1 to 256)",
      "answer_tokens|8|synth.answer_tokens 8 is out of range (give at least 16, e.g. 1024)",
      "retries|21|synth.retries 21 is out of range (give 0 to 20)",
      "min_judge_score|6|synth.min_judge_score 6.0 is out of range (give 1 to 5 (the judge's scale))",
      "samples|two|\"synth.samples\" has the bad value \"two\" (expected a whole number >= 0)",
      "max_requests|-1|\"synth.max_requests\" has the bad value -1 (expected a whole number >= 0)",
      "temperature|warm|\"synth.temperature\" has the bad value \"warm\" (expected a number, e.g. 0.1 or 2e-4)",
      "judge|yes please|\"synth.judge\" has the bad value \"yes please\" (expected true or false)",
  })
  void aBadValueIsOneLineWithFileLineAndTheFix(String key, String value, String message) {
    assertThatThrownBy(() -> parse("  seed: 1\n  " + key + ": " + value + "\n"))
        .isInstanceOf(ConfigException.class).hasMessage("q.yaml:6: " + message);
  }

  @Test
  void anApiKeyWrittenInPlaceOfTheVariableNameIsNeverEchoed() {
    String key = "sk-live-0123456789abcdef";
    assertThatThrownBy(() -> parse("  api_key_env: " + key + "\n"))
        .hasMessageStartingWith("q.yaml:5: synth.api_key_env takes the name of an environment variable, not a key")
        .hasMessageNotContaining(key);
  }

  /** The three endpoint snippets of the README's synthesis section, as written there. */
  @Test
  void theReadmeSnippetsForVllmOllamaAndACloudEndpointParse() {
    SynthSettings vllm = ConfigLoader.parse("q.yaml", """
        synth:
          endpoint: http://localhost:8000/v1       # base URL; …/v1/chat/completions is added
          model: Qwen/Qwen2.5-Coder-32B-Instruct   # the name the server knows
          api_key_env: VLLM_API_KEY                # the NAME of the variable; the key itself is never in a file
          samples: 2                               # per instruction; the first that passes is kept
          max_requests: 400                        # cap per run (generation + judge); 0 = none
          max_tokens: 1500000                      # cap on the estimated tokens (prompt + answer_tokens each)
          judge: true
        """).synth();
    assertThat(List.of(vllm.model(), vllm.apiKeyEnv())).containsExactly("Qwen/Qwen2.5-Coder-32B-Instruct", "VLLM_API_KEY");
    assertThat(vllm.maxTokens()).isEqualTo(1_500_000);
    SynthSettings ollama = ConfigLoader.parse("q.yaml",
        "synth: {endpoint: http://localhost:11434/v1, model: \"qwen2.5-coder:7b\", concurrency: 1, timeout: 600}\n").synth();
    assertThat(List.of(ollama.model(), ollama.concurrency(), ollama.timeoutSeconds()))
        .containsExactly("qwen2.5-coder:7b", 1, 600.0);
    SynthSettings cloud = ConfigLoader.parse("q.yaml", "synth: {endpoint: https://api.openai.com/v1, model: gpt-4o-mini, "
        + "api_key_env: OPENAI_API_KEY, max_requests: 300}\n").synth();
    assertThat(List.of(cloud.endpoint(), cloud.apiKeyEnv(), cloud.maxRequests()))
        .containsExactly("https://api.openai.com/v1", "OPENAI_API_KEY", 300);
  }

  @Test
  void theSynthSectionChangesTheConfigHash() {
    assertThat(ConfigLoader.parse("q", HEAD).hash()).isNotEqualTo(ConfigLoader.parse("q", HEAD + "  samples: 3\n").hash());
  }
}
