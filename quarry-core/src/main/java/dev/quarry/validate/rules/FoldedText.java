package dev.quarry.validate.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text folded for matching names however they are disguised, with a map from every folded character back to
 * its offset in the original. Folding: HTML tags become a {@link #JOIN} mark (so {@code Cl<b>aude} still
 * reads as one word), numeric HTML entities and {@code \}{@code uXXXX} escapes are decoded, invisible
 * characters are dropped (zero-width characters, soft hyphens, bidi controls, variation selectors, tag
 * characters, combining marks), every other character is NFKC-normalised (fullwidth and mathematical letters
 * become ASCII), stripped of accents, mapped through a confusables table (Cyrillic and Greek lookalikes) and
 * lower-cased. Line breaks are kept, so lines of the folded text are lines of the original.
 *
 * <p>{@link #upper(int)} remembers the case of the original letter, which word splitting needs for camel case.
 */
final class FoldedText {
  /** Marks a removed markup tag: a word boundary that is not white space. */
  static final char JOIN = '\u0001';

  private static final Pattern ESCAPES =
      Pattern.compile("<\\/?[A-Za-z][A-Za-z0-9]{0,9}\\s*\\/?>|&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|\\\\u([0-9a-fA-F]{4})");
  private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();
  private static final Map<Integer, Character> CONFUSABLES = Confusables.MAP;

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
    return origin[Math.min(i, origin.length - 1)];
  }

  /** Whether folded character {@code i} came from an upper-case letter. */
  boolean upper(int i) {
    return upper[i];
  }

  static FoldedText of(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int[] origin = new int[s.length() + 16];
    boolean[] upper = new boolean[s.length() + 16];
    int n = 0;
    Matcher m = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 || s.indexOf('\\') >= 0 ? ESCAPES.matcher(s) : null;
    int nextEscape = m != null && m.find() ? m.start() : Integer.MAX_VALUE;
    int i = 0;
    while (i < s.length()) {
      int cp;
      int at = i;
      if (i == nextEscape) {
        cp = decoded(m);
        i = m.end();
        nextEscape = m.find() ? m.start() : Integer.MAX_VALUE;
      } else {
        cp = s.codePointAt(i);
        i += Character.charCount(cp);
      }
      String f = fold(cp);
      for (int k = 0; k < f.length(); k++) {
        if (n == origin.length) {
          origin = Arrays.copyOf(origin, n * 2);
          upper = Arrays.copyOf(upper, n * 2);
        }
        sb.append(f.charAt(k));
        origin[n] = at;
        upper[n] = Character.isUpperCase(cp);
        n++;
      }
    }
    return new FoldedText(sb.toString(), Arrays.copyOf(origin, Math.max(n, 1)), Arrays.copyOf(upper, Math.max(n, 1)));
  }

  /** The code point an escape stands for; a tag, or an escaped control character, is a {@link #JOIN}. */
  private static int decoded(Matcher m) {
    int cp = decodedRaw(m);
    return cp < 0x20 || !Character.isValidCodePoint(cp) ? JOIN : cp;
  }

  private static int decodedRaw(Matcher m) {
    try {
      if (m.group(1) != null) {
        return Integer.parseInt(m.group(1));
      }
      if (m.group(2) != null) {
        return Integer.parseInt(m.group(2), 16);
      }
      if (m.group(3) != null) {
        return Integer.parseInt(m.group(3), 16);
      }
    } catch (NumberFormatException e) {
      return JOIN;
    }
    return JOIN;
  }

  /** The folded form of one code point; empty for an invisible one. */
  static String fold(int cp) {
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') {
        return String.valueOf((char) (cp + 32));
      }
      return String.valueOf((char) cp);
    }
    return CACHE.computeIfAbsent(cp, FoldedText::foldSlow);
  }

  private static String foldSlow(int cp) {
    if (invisible(cp) || !Character.isValidCodePoint(cp)) {
      return "";
    }
    Character c = CONFUSABLES.get(cp);
    if (c != null) {
      return String.valueOf(c);
    }
    String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    String nfd = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(nfd.length());
    nfd.codePoints().forEach(p -> {
      if (Character.getType(p) == Character.NON_SPACING_MARK || invisible(p)) {
        return;
      }
      Character cc = CONFUSABLES.get(p);
      if (cc != null) {
        sb.append(cc.charValue());
      } else {
        sb.append(new String(Character.toChars(p)).toLowerCase(Locale.ROOT));
      }
    });
    return sb.toString();
  }

  /** Zero-width, soft hyphen, bidi controls, variation selectors, tag characters and other format characters. */
  static boolean invisible(int cp) {
    if (cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x180E || cp == 0x115F || cp == 0x1160
        || cp == 0x3164 || cp == 0xFFA0 || cp == 0xFEFF) {
      return true;
    }
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE0FFF)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }
}
