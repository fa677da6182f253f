package dev.quarry.validate.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The ways of disguising an AI name that issue 16 lists, each a function of the name and a seeded RNG, so the
 * corpus test and the properties write the same evasions with fresh positions. The lookalike tables are taken
 * from Unicode's confusables list here, independently of the rule's own {@link Confusables}.
 */
final class AttributionDisguises {
  private static final String SMALL = "aᴀ bʙ cᴄ dᴅ eᴇ fꜰ gɢ hʜ iɪ jᴊ kᴋ lʟ mᴍ nɴ oᴏ pᴘ qǫ rʀ sꜱ tᴛ uᴜ vᴠ wᴡ yʏ zᴢ";
  private static final String CHEROKEE = "AᎪ BᏴ CᏟ DᎠ EᎬ GᏀ HᎻ IᎥ JᎫ KᏦ LᏞ MᎷ PᏢ RᎡ SᏚ TᎢ VᏙ WᎳ YᎩ ZᏃ";
  private static final String CYRILLIC_GREEK = "aа cс eе oо pр xх yу iі sѕ jј AА BВ CС EЕ HН KК MМ OО PР TТ XХ"
      + " YΥ ZΖ NΝ IΙ";
  private static final String LEET = "l1 o0 e3 a4 i1 s5 t7 O0 I1 E3 A4 S5 L1";
  private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
      "\u202E", "\u2066", "\u180E");
  private static final List<String> NAMED = List.of("&shy;", "&zwj;", "&zwnj;", "&NoBreak;", "&ZeroWidthSpace;",
      "&lrm;");

  /** Every disguise by name, {@code plain} first. */
  static final Map<String, BiFunction<String, Random, String>> ALL = build();

  private AttributionDisguises() {}

  static String apply(String disguise, String name, Random r) {
    BiFunction<String, Random, String> f = ALL.get(disguise);
    if (f == null) {
      throw new IllegalArgumentException("no disguise " + disguise + "; known: " + ALL.keySet());
    }
    return f.apply(name, r);
  }

  private static Map<String, BiFunction<String, Random, String>> build() {
    Map<String, BiFunction<String, Random, String>> m = new LinkedHashMap<>();
    m.put("plain", (n, r) -> n);
    m.put("html-tag-attr", (n, r) -> wrap(n, r, "<span class=\"n" + r.nextInt(99) + "\" data-x='1'>", "</span>"));
    m.put("html-comment", (n, r) -> insert(n, r, "<!-- " + r.nextInt(999) + " -->"));
    m.put("entity-shy", (n, r) -> insert(n, r, "&shy;"));
    m.put("entity-named", (n, r) -> insert(n, r, NAMED.get(r.nextInt(NAMED.size()))));
    m.put("entity-numeric", (n, r) -> replaceOne(n, r, c -> "&#" + (int) c + ";"));
    m.put("entity-hex", (n, r) -> replaceOne(n, r, c -> "&#x" + Integer.toHexString(c) + ";"));
    m.put("markdown-link", (n, r) -> {
      int k = cut(n, r);
      return "[" + n.substring(0, k) + "](https://example.org/p" + r.nextInt(99) + ")" + n.substring(k);
    });
    m.put("wide-spacing", (n, r) -> String.join(List.of(" - ", "  ", " _ ", " ").get(r.nextInt(4)), n.split("")));
    m.put("dot-spacing", (n, r) -> String.join(List.of(". ", " . ", ".").get(r.nextInt(3)), n.split("")));
    m.put("leetspeak", (n, r) -> table(n, r, LEET, true));
    m.put("small-capitals", (n, r) -> n.charAt(0) + table(n.substring(1).toLowerCase(), r, SMALL, false));
    m.put("cherokee", (n, r) -> table(n.toUpperCase(), r, CHEROKEE, false));
    m.put("cyrillic-greek", (n, r) -> table(n, r, CYRILLIC_GREEK, true));
    m.put("fullwidth", (n, r) -> {
      StringBuilder sb = new StringBuilder();
      n.chars().forEach(c -> sb.append(r.nextBoolean() ? (char) (c + 0xFEE0) : (char) c));
      return sb.toString();
    });
    m.put("zero-width", (n, r) -> insert(n, r, INVISIBLE.get(r.nextInt(INVISIBLE.size()))));
    m.put("split-space", (n, r) -> split(n, r, " "));
    m.put("split-middle-dot", (n, r) -> split(n, r, "\u00B7"));
    m.put("emphasis", (n, r) -> {
      int k = cut(n, r);
      return n.substring(0, k) + "**" + n.substring(k) + "**";
    });
    return m;
  }

  /** An offset strictly inside {@code n}. */
  private static int cut(String n, Random r) {
    return 1 + r.nextInt(n.length() - 1);
  }

  private static String insert(String n, Random r, String what) {
    int k = cut(n, r);
    return n.substring(0, k) + what + n.substring(k);
  }

  private static String wrap(String n, Random r, String open, String close) {
    int a = cut(n, r);
    int b = a + r.nextInt(n.length() - a) + 1;
    return n.substring(0, a) + open + n.substring(a, b) + close + n.substring(b);
  }

  private static String replaceOne(String n, Random r, java.util.function.IntFunction<String> f) {
    int k = r.nextInt(n.length());
    return n.substring(0, k) + f.apply(n.charAt(k)) + n.substring(k + 1);
  }

  /** At a camel-case hump when there is one ({@code Open AI}), else inside the name. */
  private static String split(String n, Random r, String sep) {
    for (int i = 1; i < n.length() - 1; i++) {
      if (Character.isLowerCase(n.charAt(i - 1)) && Character.isUpperCase(n.charAt(i))) {
        return n.substring(0, i) + sep + n.substring(i);
      }
    }
    int k = 2 + r.nextInt(Math.max(1, n.length() - 3));
    return n.substring(0, k) + sep + n.substring(k);
  }

  /**
   * Letters replaced through a {@code "xY xY"} table; at least one replaced. With {@code some}, each letter
   * that can be replaced is replaced with probability one half, else all are.
   */
  private static String table(String n, Random r, String pairs, boolean some) {
    Map<Character, String> t = new LinkedHashMap<>();
    for (String p : pairs.split(" ")) {
      t.put(p.charAt(0), p.substring(1));
    }
    StringBuilder sb = new StringBuilder();
    int first = -1;
    for (int i = 0; i < n.length(); i++) {
      if (t.containsKey(n.charAt(i))) {
        first = first < 0 || r.nextBoolean() ? i : first;
      }
    }
    for (int i = 0; i < n.length(); i++) {
      String to = t.get(n.charAt(i));
      boolean use = to != null && (!some || i == first || r.nextBoolean());
      sb.append(use ? to : String.valueOf(n.charAt(i)));
    }
    return sb.toString();
  }
}
