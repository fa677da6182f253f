package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A detected key split into concatenated literals, in any of the supported styles, is still caught. */
class SecretsConcatenationProperties {
  /** Prefix, alphabet and length of the random part of key formats the detectors know. */
  private static final List<String[]> FORMATS = List.of(new String[] {"AKIA", "b32", "16"},
      new String[] {"ghp_", "alnum", "36"}, new String[] {"sk-proj-", "alnum", "40"},
      new String[] {"hf_", "letters", "34"}, new String[] {"glpat-", "alnum", "20"},
      new String[] {"AIza", "alnum", "35"}, new String[] {"npm_", "alnum", "36"},
      new String[] {"sk_live_", "alnum", "24"}, new String[] {"dapi", "hex", "32"});

  /** How literals are glued: Java/JS/Python {@code +}, Python implicit, PHP, Lua, SQL, a continued line. */
  private static final List<String> SEAMS = List.of("\" + \"", "\"+\"", "\" \"", "\"\n    \"", "' . '", "\" .. \"",
      "' || '", "\" \\\n  \"", "\"\n    + \"", "` + `");

  record Case(String key, List<String> pieces, String seam) {}

  @Provide
  Arbitrary<Case> splitKeys() {
    return Combinators.combine(Arbitraries.integers().between(0, FORMATS.size() - 1), Arbitraries.longs(),
        Arbitraries.integers().between(2, 5), Arbitraries.integers().between(0, SEAMS.size() - 1)).as((f, seed, n, s) -> {
          Random rng = new Random(seed);
          String[] fmt = FORMATS.get(f);
          String key = fmt[0] + SecretsAttackCorpus.value(fmt[1], Integer.parseInt(fmt[2]), rng);
          List<Integer> cuts = new ArrayList<>();
          for (int i = 0; i < n - 1; i++) {
            cuts.add(1 + rng.nextInt(key.length() - 1));
          }
          cuts = cuts.stream().distinct().sorted().toList();
          List<String> pieces = new ArrayList<>();
          int last = 0;
          for (int c : cuts) {
            pieces.add(key.substring(last, c));
            last = c;
          }
          pieces.add(key.substring(last));
          return new Case(key, pieces, SEAMS.get(s));
        });
  }

  @Property(tries = 300)
  void splitKeyIsStillCaughtAndFullyRedacted(@ForAll("splitKeys") Case c) {
    char q = c.seam().charAt(0);
    String text = "key = " + q + String.join(c.seam(), c.pieces()) + q + "\n";
    List<SecretScanner.Hit> hits = SecretScanner.find(text, List.of());
    assertThat(hits).as(text).isNotEmpty();
    String redacted = SecretsRule.replace(text, hits);
    for (String p : c.pieces()) {
      if (p.length() >= 6) {
        assertThat(redacted).as(text).doesNotContain(p);
      }
    }
  }
}
