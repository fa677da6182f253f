package dev.quarry.validate.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * Characters that look like Latin letters, mapped to the lower-case Latin letter they imitate: the Cyrillic,
 * Greek, Armenian and IPA lookalikes of Unicode's confusables list that matter for Latin names. Fullwidth and
 * mathematical letters need no entry: NFKC folds them.
 */
final class Confusables {
  static final Map<Integer, Character> MAP = build();

  private Confusables() {}

  private static Map<Integer, Character> build() {
    Map<Integer, Character> m = new HashMap<>();
    // Cyrillic lower and upper case.
    put(m, "аa еe оo рp сc уy хx іi јj ѕs ԁd ɡg һh ӏl ԛq ԝw ѵv ъb ьb кk мm нh тt вb пn гr");
    put(m, "АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ІI ЈJ ЅS ԌG ӀL ԚQ ԜW ЅS ЬB ЗE");
    // Greek lower and upper case.
    put(m, "αa βb γy εe ηn ιi κk νv οo ρp τt υu χx ωw ϲc ϳj");
    put(m, "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX Ϲc");
    // Armenian, IPA and Latin extensions that pass for ASCII letters.
    put(m, "օo սu ցg հh ոn ɑa ɩi ɪi ʟl ʀr ɴn ʏy ᴄc ᴅd ᴇe ᴊj ᴋk ᴍm ᴏo ᴘp ᴛt ᴜu ᴠv ᴡw ᴢz ıi ȷj ℓl");
    return m;
  }

  private static void put(Map<Integer, Character> m, String pairs) {
    for (String p : pairs.split(" ")) {
      if (p.isEmpty()) {
        continue;
      }
      int cp = p.codePointAt(0);
      char to = p.charAt(p.offsetByCodePoints(0, 1));
      m.put(cp, Character.toLowerCase(to));
    }
  }
}
