package dev.quarry.validate.rules;

import java.util.Arrays;

/**
 * A text folded for matching names however they are disguised, with a map from every folded character back to
 * its offset in the original, so a finding points at the line the author wrote.
 *
 * <p>Folding is a pipeline of ordered steps ({@link FoldSteps}); each step reads the previous step's output and
 * keeps the origin map:
 * <ol>
 *   <li>{@link FoldSteps#markup markup} — HTML comments ({@code Cl<!-- -->aude}), tags with or without
 *       attributes ({@code Cl<span class="x">au</span>de}) and markdown link targets ({@code [Cl](x)aude})
 *       become a {@link #JOIN} mark, a word boundary that is not white space;
 *   <li>{@link FoldSteps#escapes escapes} — numeric and named HTML entities ({@code &#67;}, {@code &shy;},
 *       {@code &aacute;}) and {@code \}{@code uXXXX} escapes are decoded; an unknown entity or an escaped
 *       control character is a {@link #JOIN};
 *   <li>{@link FoldSteps#characters characters} — invisible characters are dropped (zero-width, soft hyphen,
 *       bidi controls, variation selectors, tag characters, combining marks); Unicode dashes, colons and middle
 *       dots become {@code -}, {@code :} and {@code .}; every other character is NFKC-normalised (fullwidth and
 *       mathematical letters become ASCII), stripped of accents, mapped through {@link Confusables} (Cyrillic,
 *       Greek, Cherokee, small capitals) and lower-cased.
 * </ol>
 * Line breaks survive every step, so lines of the folded text are lines of the original. Leetspeak digits
 * ({@code C1aude}) are not folded here — digits are part of model names ({@code gpt-4}) — but by
 * {@link TermMatcher}, which compares skeletons of words that mix letters and digits.
 *
 * <p>{@link #upper(int)} remembers the case of the original letter, which word splitting needs for camel case.
 */
final class FoldedText {
  /** Marks a removed markup tag: a word boundary that is not white space. */
  static final char JOIN = '\u0001';

  private final String text;
  private final int[] origin;
  private final boolean[] upper;

  private FoldedText(String text, int[] origin, boolean[] upper) {
    this.text = text;
    this.origin = origin;
    this.upper = upper;
  }

  /** The folded text. */
  String text() {
    return text;
  }

  /** The offset in the original text of folded character {@code i}. */
  int origin(int i) {
    return origin[Math.max(0, Math.min(i, origin.length - 1))];
  }

  /** Whether folded character {@code i} came from an upper-case letter. */
  boolean upper(int i) {
    return upper[i];
  }

  /** {@code s} through every step of the pipeline. */
  static FoldedText of(String s) {
    return of(s, true);
  }

  /**
   * {@code s} through the pipeline; with {@code links} false, markdown link targets are kept (so the address
   * in {@code [docs](https://claude.ai)} is read too).
   */
  static FoldedText of(String s, boolean links) {
    FoldSteps.Mapped m = FoldSteps.identity(s);
    m = FoldSteps.markup(m, links);
    m = FoldSteps.escapes(m);
    FoldSteps.Folded f = FoldSteps.characters(m);
    int n = f.text().length();
    return new FoldedText(f.text(), n == 0 ? new int[] {0} : f.origin(), n == 0 ? new boolean[] {false} : f.upper());
  }

  /** Whether {@code s} has a markdown link whose target the default fold drops. */
  static boolean hasLink(String s) {
    return s.contains("](");
  }

  /** The folded form of one code point; empty for an invisible one. */
  static String fold(int cp) {
    return FoldSteps.fold(cp);
  }

  /** Zero-width, soft hyphen, bidi controls, variation selectors, tag characters and other format characters. */
  static boolean invisible(int cp) {
    return FoldSteps.invisible(cp);
  }

  @Override
  public String toString() {
    return text + Arrays.toString(origin);
  }
}
