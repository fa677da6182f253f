package dev.quarry.validate.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * Characters that look like Latin letters, mapped to the lower-case Latin letter they imitate: the Cyrillic,
 * Greek, Armenian, Cherokee, IPA and small-capital lookalikes of Unicode's confusables list that matter for Latin
 * names. Fullwidth and mathematical letters need no entry: NFKC folds them. Lower-case Cherokee
 * ({@code U+AB70…}) is looked up through its upper-case form.
 */
final class Confusables {
  static final Map<Integer, Character> MAP = build();

  private Confusables() {}

  /** The Latin letter {@code cp} imitates, or null. */
  static Character of(int cp) {
    Character c = MAP.get(cp);
    if (c == null && cp >= 0xAB70 && cp <= 0xABBF) {
      c = MAP.get(Character.toUpperCase(cp));
    }
    return c;
  }

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
    // Small capitals and modifier letters not covered by NFKC.
    put(m, "ᴀa ʙb ᴆd ꜰf ɢg ʜh ǫq ꜱs ᴦr ᴫl ᴌl ɾr ɼr ʋv ʌv ɯw ꞯq ʁr ᴎn");
    // Cherokee capitals that read as Latin letters.
    put(m, "ᎠD ᎡR ᎢT ᎥI ᎩY ᎪA ᎫJ ᎬE ᏔW ᎳW ᎷM ᎻH ᎽY ᏀG ᏂH ᏃZ ᏏB ᏒR ᏕS ᏙV ᏚS ᏞL ᏟC ᏢP ᏦK ᏧD ᏳG ᏴB");
    // Latin letters and symbols often used as letters.
    put(m, "ßb øo ðd þp ƒf ĸk ŀl ŉn ſs ǀl ∣l ⅼl ⅰi ℮e ⍺a ⍳i ⍴p ⍵w");
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
