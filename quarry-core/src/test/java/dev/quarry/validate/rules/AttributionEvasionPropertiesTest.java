package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AttributionEvasionPropertiesTest {
  private static final List<String> TERMS = List.of("Claude", "ChatGPT", "OpenAI", "Anthropic", "Copilot", "DeepSeek",
      "Qwen", "Mixtral", "Codeium", "Tabnine");
  private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
      "\u202A", "\u202E", "\u2066", "\u2069", "\u180E", "\uFE0F", "\u034F");

  private final RuleHarness h = new RuleHarness(new AttributionRule());

  @Provide
  Arbitrary<String> terms() {
    return Arbitraries.of(TERMS);
  }

  @Provide
  Arbitrary<String> invisibles() {
    return Arbitraries.of(INVISIBLE);
  }

  @Property(tries = 300)
  void insertingInvisibleCharactersNeverHidesATerm(@ForAll("terms") String term, @ForAll("invisibles") String zw,
      @ForAll @IntRange(min = 1, max = 5) int count, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    StringBuilder sb = new StringBuilder(term);
    java.util.Random r = new java.util.Random(seed);
    for (int i = 0; i < count; i++) {
      sb.insert(1 + r.nextInt(sb.length() - 1), zw);
    }
    assertThat(h.answer("Thanks to " + sb + " for the help.")).as(sb.toString()).isNotEmpty();
  }

  @Property(tries = 300)
  void replacingLettersWithHomoglyphsNeverHidesATerm(@ForAll("terms") String term,
      @ForAll @IntRange(min = 0, max = 1000) int seed, @ForAll boolean fullwidth) {
    Map<Character, List<Integer>> lookalikes = lookalikes();
    java.util.Random r = new java.util.Random(seed);
    StringBuilder sb = new StringBuilder();
    for (char c : term.toCharArray()) {
      List<Integer> options = lookalikes.getOrDefault(c, List.of());
      if (fullwidth && r.nextBoolean()) {
        sb.appendCodePoint(c + 0xFEE0);
      } else if (!options.isEmpty() && r.nextBoolean()) {
        sb.appendCodePoint(options.get(r.nextInt(options.size())));
      } else {
        sb.append(c);
      }
    }
    assertThat(h.answer("Written with " + sb + ", reviewed by me.")).as(sb.toString()).isNotEmpty();
  }

  /** Every confusable mapping to a letter, keyed by the letter in both cases. */
  private static Map<Character, List<Integer>> lookalikes() {
    Map<Character, List<Integer>> m = new java.util.HashMap<>();
    Confusables.MAP.forEach((cp, latin) -> {
      boolean upper = Character.isUpperCase(cp);
      char key = upper ? Character.toUpperCase(latin) : latin;
      m.computeIfAbsent(key, k -> new ArrayList<>()).add(cp);
    });
    return m;
  }
}
