package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the whole fold pipeline: every disguise of {@link AttributionDisguises}, applied to any name in
 * any marker (prose, trailer, credit), is still caught, as an attribution where the marker is one; and the same
 * disguises applied to the words of the clean texts of the precision corpus never create a finding.
 */
class AttributionFoldPropertiesTest {
  private static final List<String> MARKERS = List.of("We compared {AI} with the old parser.",
      "Done.\n\nCo-Authored-By: {AI} <noreply@example.org>", "Assisted-by: {AI}", "Suggested by {AI}.",
      "def f():  # co-written with {AI}\n    return 1", "Powered by {AI}", "Courtesy of {AI}.");
  private static final List<String> CLEAN = clean();

  @Provide
  Arbitrary<String> disguises() {
    return Arbitraries.of(List.copyOf(AttributionDisguises.ALL.keySet()));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(AttributionCorpusTest.NAMES);
  }

  @Provide
  Arbitrary<String> markers() {
    return Arbitraries.of(MARKERS);
  }

  @Provide
  Arbitrary<String> cleanTexts() {
    return Arbitraries.of(CLEAN);
  }

  @Property(tries = 1000)
  void anyDisguiseOfAnyNameInAnyMarkerIsCaught(@ForAll("disguises") String disguise, @ForAll("names") String name,
      @ForAll("markers") String marker, @ForAll long seed) {
    String text = marker.replace("{AI}", AttributionDisguises.apply(disguise, name, new Random(seed)));
    boolean claim = !marker.startsWith("We compared");
    List<dev.quarry.validate.Finding> strict = AttributionCorpusTest.run(text, "reject");
    assertThat(strict).as(text).isNotEmpty();
    if (claim) {
      assertThat(AttributionCorpusTest.run(text, "allow")).as(text)
          .anyMatch(f -> f.rule().equals("attribution"));
    }
  }

  @Property(tries = 1000)
  void disguisingTheWordsOfCleanTextNeverCreatesAFinding(@ForAll("cleanTexts") String text,
      @ForAll("disguises") String disguise, @ForAll long seed) {
    Random r = new Random(seed);
    Matcher m = Pattern.compile("[A-Za-z][A-Za-z-]{3,}").matcher(text);
    // One word per text: two spaced-out words side by side ("P a r t i t i o n T a b l e") read as one.
    int count = 0;
    while (m.find()) {
      count++;
    }
    m.reset();
    int pick = r.nextInt(Math.max(1, count));
    int index = 0;
    StringBuilder sb = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String w = m.group();
      String letters = w.replace("-", "");
      // A word that is a name in context (Gemini, Copilot) is flagged when disguised, by design, and a word
      // holding a name that counts anywhere (the "anthropic" of the anthropic principle) is left as written.
      // A word holding a context word as a camel-case part (CursorEditor, moveCursor) is disguised like any other.
      String lower = letters.toLowerCase(java.util.Locale.ROOT);
      boolean context = AttributionTerms.CONTEXT.stream().anyMatch(c -> lower.equals(c.toLowerCase(java.util.Locale.ROOT)))
          || AttributionTerms.TERMS.stream().anyMatch(c -> lower.contains(c.toLowerCase(java.util.Locale.ROOT)));
      sb.append(text, last, m.start()).append(context || w.contains("-") || index++ != pick ? w
          : AttributionDisguises.apply(disguise, w, r));
      last = m.end();
    }
    sb.append(text.substring(last));
    assertThat(AttributionCorpusTest.run(sb.toString(), "reject")).as(sb.toString()).isEmpty();
  }

  /** The clean prose of the precision corpus (code is left out: a disguise inside code changes its meaning). */
  private static List<String> clean() {
    try (InputStream in = AttributionFoldPropertiesTest.class.getResourceAsStream(
        "/validate/attribution-precision/corpus.tsv")) {
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.startsWith("clean\t") && !l.contains("```")) {
          out.add(AttributionCorpusTest.unescape(l.substring(6)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
