package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.ConfigLoader;
import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Records;
import dev.quarry.validate.RuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Recall on the attack corpus and false positives on the precision corpus
 * ({@code src/test/resources/validate/attribution-*}; their READMEs describe the formats). The figures are
 * printed, and the README states them.
 */
class AttributionCorpusTest {
  static final List<String> NAMES = List.of("Claude", "OpenAI", "ChatGPT", "Anthropic", "DeepSeek", "Mixtral",
      "Codeium", "Tabnine", "Qwen");
  private static final Map<String, String> DOMAINS = Map.of("Claude", "anthropic.com", "Anthropic", "anthropic.com",
      "OpenAI", "openai.com", "ChatGPT", "openai.com", "DeepSeek", "deepseek.com", "Mixtral", "mistral.ai",
      "Codeium", "codeium.com", "Tabnine", "tabnine.com", "Qwen", "x.ai");

  /** One filled attack entry. */
  record Attack(String cls, String text, boolean attribution) {}

  @Test
  void catchesEveryEvasionClassOfTheAttackCorpus() throws IOException {
    List<Attack> attacks = attacks(20261203L);
    Map<String, int[]> perClass = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (Attack a : attacks) {
      int[] c = perClass.computeIfAbsent(a.cls(), k -> new int[2]);
      c[1]++;
      boolean rejected = rejected(run(a.text(), "reject"));
      boolean claim = !a.attribution() || run(a.text(), "allow").stream().anyMatch(f -> f.rule().equals("attribution"));
      if (rejected && claim) {
        c[0]++;
      } else {
        missed.add(a.cls() + (rejected ? " (not an attribution)" : "") + ": " + a.text());
      }
    }
    int caught = attacks.size() - missed.size();
    System.out.printf("attribution attack corpus: %d of %d caught (%.1f %%), %d classes%n", caught, attacks.size(),
        100.0 * caught / attacks.size(), perClass.size());
    perClass.forEach((k, c) -> {
      if (c[0] < c[1]) {
        System.out.printf("  %s: %d of %d%n", k, c[0], c[1]);
      }
    });
    assertThat(missed).isEmpty();
  }

  @Test
  void keepsThePrecisionCorpusCleanWithAtMostTwoPercentFalsePositives() throws IOException {
    List<String[]> lines = lines("/validate/attribution-precision/corpus.tsv", 2);
    List<String> wrong = new ArrayList<>();
    for (String[] l : lines) {
      String text = unescape(l[1]);
      boolean ok = switch (l[0]) {
        case "clean" -> Stream.of("reject", "allow-in-code", "allow").allMatch(p -> run(text, p).isEmpty());
        case "code" -> run(text, "allow-in-code").isEmpty()
            && run(text, "reject").stream().noneMatch(f -> f.rule().equals("attribution"));
        default -> throw new IllegalArgumentException("unknown expectation " + l[0]);
      };
      if (!ok) {
        wrong.add(l[0] + ": " + l[1] + " -> " + run(text, "reject"));
      }
    }
    double pct = 100.0 * wrong.size() / lines.size();
    System.out.printf("attribution precision corpus: %d of %d false positives (%.1f %%)%n", wrong.size(),
        lines.size(), pct);
    wrong.forEach(w -> System.out.println("  " + w));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(50);
    assertThat(pct).as(String.join("\n", wrong)).isLessThanOrEqualTo(2.0);
  }

  /** The attack corpus with every name of {@link #NAMES} through each entry's disguise. */
  static List<Attack> attacks(long seed) throws IOException {
    Random r = new Random(seed);
    List<Attack> out = new ArrayList<>();
    for (String[] l : lines("/validate/attribution-attack/corpus.tsv", 3)) {
      String cls = l[0];
      boolean attribution = cls.startsWith("credit-") || cls.startsWith("trailer-") || cls.equals("generic")
          || cls.equals("robot") || cls.equals("config-file");
      String template = unescape(l[2]);
      if (!template.contains("{AI}") && !template.contains("{DOMAIN}")) {
        out.add(new Attack(cls, template, attribution));
        continue;
      }
      for (String name : NAMES) {
        String text = template.replace("{AI}", AttributionDisguises.apply(l[1], name, r))
            .replace("{DOMAIN}", DOMAINS.get(name));
        out.add(new Attack(cls, text, attribution));
      }
    }
    return out;
  }

  static List<Finding> run(String text, String policy) {
    RuleContext ctx = new RuleContext(ConfigLoader.parse("quarry.yaml",
        "validate:\n  attribution:\n    mentions: " + policy + "\n"));
    Example e = Records.answer(text);
    List<Finding> out = new ArrayList<>(new AttributionRule().check(e, ctx).toList());
    if (new AttributionMentionRule().appliesTo(e, ctx)) {
      out.addAll(new AttributionMentionRule().check(e, ctx).toList());
    }
    return out;
  }

  private static boolean rejected(List<Finding> f) {
    return f.stream().anyMatch(x -> x.severity() == Severity.ERROR);
  }

  private static List<String[]> lines(String resource, int columns) throws IOException {
    try (InputStream in = AttributionCorpusTest.class.getResourceAsStream(resource)) {
      List<String[]> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\t", columns);
        if (parts.length != columns) {
          throw new IllegalArgumentException(resource + ": not " + columns + " tab-separated columns: " + l);
        }
        out.add(parts);
      }
      return out;
    }
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n");
  }
}
