package dev.quarry.validate.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of {@link FoldedText}'s pipeline, in order. Each takes a {@link Mapped} text (characters plus the
 * offset in the original of each one) and returns another, so offsets compose through every step.
 */
final class FoldSteps {
  /**
   * A text and, for each of its characters, the offset in the original text it came from.
   *
   * @param text the text
   * @param origin {@code origin[i]} is the original offset of {@code text.charAt(i)}
   */
  record Mapped(String text, int[] origin) {}

  /**
   * The last step's output: also whether each folded character came from an upper-case letter.
   *
   * @param text the folded text
   * @param origin original offset of each folded character
   * @param upper whether each folded character came from an upper-case letter
   */
  record Folded(String text, int[] origin, boolean[] upper) {}

  private static final int MAX_TAG = 400;
  private static final Pattern MARKUP = Pattern.compile(
      "<!--.{0," + MAX_TAG + "}?-->|</?[A-Za-z][A-Za-z0-9:-]{0,20}(?:\\s[^<>\\n]{0," + MAX_TAG + "})?/?>");
  private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^()\\s]{0," + MAX_TAG + "}\\)");
  private static final Pattern ESCAPES = Pattern.compile("&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|"
      + "&([A-Za-z][A-Za-z0-9]{1,31});|\\\\u([0-9a-fA-F]{4})|\\\\x([0-9a-fA-F]{2})");
  private static final Map<String, Integer> ENTITIES = Map.ofEntries(Map.entry("amp", (int) '&'),
      Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'), Map.entry("quot", (int) '"'), Map.entry("apos", 39),
      Map.entry("nbsp", 0xA0), Map.entry("shy", 0xAD), Map.entry("zwj", 0x200D), Map.entry("zwnj", 0x200C),
      Map.entry("lrm", 0x200E), Map.entry("rlm", 0x200F), Map.entry("ZeroWidthSpace", 0x200B),
      Map.entry("NoBreak", 0x2060), Map.entry("middot", 0xB7), Map.entry("centerdot", 0xB7),
      Map.entry("bull", 0x2022), Map.entry("ndash", 0x2013), Map.entry("mdash", 0x2014), Map.entry("hyphen", 0x2010),
      Map.entry("dash", 0x2010), Map.entry("minus", 0x2212), Map.entry("colon", (int) ':'),
      Map.entry("period", (int) '.'), Map.entry("lowbar", (int) '_'), Map.entry("ast", (int) '*'),
      Map.entry("sol", (int) '/'), Map.entry("num", (int) '#'), Map.entry("commat", (int) '@'),
      Map.entry("ensp", 0x2002), Map.entry("emsp", 0x2003), Map.entry("thinsp", 0x2009),
      Map.entry("hairsp", 0x200A), Map.entry("InvisibleTimes", 0x2062), Map.entry("ic", 0x2063));
  private static final Pattern LETTER_ENTITY = Pattern.compile("([A-Za-z])(acute|grave|uml|circ|tilde|ring|cedil|"
      + "slash|caron|macr|breve|ogon|dot)");
  private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();

  private FoldSteps() {}

  /** The original text, each character its own origin. */
  static Mapped identity(String s) {
    int[] o = new int[s.length()];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    return new Mapped(s, o);
  }

  /**
   * Step 1: HTML comments and tags (attributes included) and, when {@code links}, markdown link targets
   * {@code ](…)} become one {@link FoldedText#JOIN} each; line breaks inside them are kept.
   */
  static Mapped markup(Mapped in, boolean links) {
    Mapped m = in.text().indexOf('<') < 0 ? in : replace(in, MARKUP);
    return links && m.text().contains("](") ? replace(m, LINK_TARGET) : m;
  }

  /** Step 2: numeric and named HTML entities, {@code \}{@code uXXXX} and {@code \}{@code xNN} escapes decoded. */
  static Mapped escapes(Mapped in) {
    String s = in.text();
    if (s.indexOf('&') < 0 && s.indexOf('\\') < 0) {
      return in;
    }
    Matcher m = ESCAPES.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    int[] o = new int[s.length() + 2];
    int n = 0;
    int last = 0;
    while (m.find()) {
      for (int i = last; i < m.start(); i++) {
        sb.append(s.charAt(i));
        o[n++] = in.origin()[i];
      }
      int cp = decoded(m);
      String d = new String(Character.toChars(cp));
      for (int k = 0; k < d.length(); k++) {
        sb.append(d.charAt(k));
        o[n++] = in.origin()[m.start()];
      }
      last = m.end();
    }
    for (int i = last; i < s.length(); i++) {
      sb.append(s.charAt(i));
      o[n++] = in.origin()[i];
    }
    return new Mapped(sb.toString(), Arrays.copyOf(o, n));
  }

  /** Step 3: every code point folded by {@link #fold(int)}, origins kept, case remembered. */
  static Folded characters(Mapped in) {
    String s = in.text();
    StringBuilder sb = new StringBuilder(s.length());
    int[] origin = new int[s.length() + 16];
    boolean[] upper = new boolean[s.length() + 16];
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String f = fold(cp);
      for (int k = 0; k < f.length(); k++) {
        if (n == origin.length) {
          origin = Arrays.copyOf(origin, n * 2);
          upper = Arrays.copyOf(upper, n * 2);
        }
        sb.append(f.charAt(k));
        origin[n] = in.origin()[i];
        upper[n] = Character.isUpperCase(cp) || Character.isTitleCase(cp);
        n++;
      }
      i += Character.charCount(cp);
    }
    return new Folded(sb.toString(), Arrays.copyOf(origin, n), Arrays.copyOf(upper, n));
  }

  /** The folded form of one code point; empty for an invisible one. */
  static String fold(int cp) {
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') {
        return String.valueOf((char) (cp + 32));
      }
      return String.valueOf((char) cp);
    }
    return CACHE.computeIfAbsent(cp, FoldSteps::foldSlow);
  }

  private static String foldSlow(int cp) {
    if (invisible(cp) || !Character.isValidCodePoint(cp)) {
      return "";
    }
    if (Character.getType(cp) == Character.DASH_PUNCTUATION || cp == 0x2212 || cp == 0x2043) {
      return "-";
    }
    if (cp == 0xFF1A || cp == 0xFE13 || cp == 0xFE55 || cp == 0x2236 || cp == 0xA789 || cp == 0x02D0
        || cp == 0x02F8 || cp == 0x0589 || cp == 0x05C3 || cp == 0x1361 || cp == 0x16EC || cp == 0x205A) {
      return ":";
    }
    if (cp == 0xB7 || cp == 0x2027 || cp == 0x2219 || cp == 0x22C5 || cp == 0x30FB || cp == 0x0387 || cp == 0xFF65
        || cp == 0x2022 || cp == 0x2981 || cp == 0x00B7) {
      return ".";
    }
    Character c = Confusables.of(cp);
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
      Character cc = Confusables.of(p);
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

  /** Every match of {@code p} replaced by one JOIN, plus the line breaks it spanned. */
  private static Mapped replace(Mapped in, Pattern p) {
    String s = in.text();
    Matcher m = p.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    int[] o = new int[s.length() + 1];
    int n = 0;
    int last = 0;
    while (m.find()) {
      for (int i = last; i < m.start(); i++) {
        sb.append(s.charAt(i));
        o[n++] = in.origin()[i];
      }
      sb.append(FoldedText.JOIN);
      o[n++] = in.origin()[m.start()];
      for (int i = m.start(); i < m.end(); i++) {
        if (s.charAt(i) == '\n') {
          sb.append('\n');
          o[n++] = in.origin()[i];
        }
      }
      last = m.end();
    }
    if (last == 0) {
      return in;
    }
    for (int i = last; i < s.length(); i++) {
      sb.append(s.charAt(i));
      o[n++] = in.origin()[i];
    }
    return new Mapped(sb.toString(), Arrays.copyOf(o, n));
  }

  private static int decoded(Matcher m) {
    int cp;
    try {
      if (m.group(1) != null) {
        cp = Integer.parseInt(m.group(1));
      } else if (m.group(2) != null) {
        cp = Integer.parseInt(m.group(2), 16);
      } else if (m.group(3) != null) {
        cp = named(m.group(3));
      } else if (m.group(4) != null) {
        cp = Integer.parseInt(m.group(4), 16);
      } else {
        cp = Integer.parseInt(m.group(5), 16);
      }
    } catch (NumberFormatException e) {
      return FoldedText.JOIN;
    }
    return cp < 0x20 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF) ? FoldedText.JOIN : cp;
  }

  /** A named entity's code point; a letter entity ({@code &eacute;}) is its base letter; unknown ones JOIN. */
  private static int named(String name) {
    Integer cp = ENTITIES.get(name);
    if (cp != null) {
      return cp;
    }
    Matcher l = LETTER_ENTITY.matcher(name);
    return l.matches() ? l.group(1).charAt(0) : FoldedText.JOIN;
  }
}
