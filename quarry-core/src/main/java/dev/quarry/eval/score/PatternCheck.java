package dev.quarry.eval.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link OutputCheck} made of named regular expressions. The built-ins are deliberately small and generic;
 * validation's rules replace them where they are available.
 */
public final class PatternCheck implements OutputCheck {
  private final String id;
  private final Map<String, Pattern> patterns;

  /** A check with patterns by description, applied in order. */
  public PatternCheck(String id, Map<String, Pattern> patterns) {
    this.id = id;
    this.patterns = new LinkedHashMap<>(patterns);
  }

  /** Credentials by their well-known shapes: cloud keys, private keys, tokens, keys in assignments. */
  public static PatternCheck secrets() {
    Map<String, Pattern> p = new LinkedHashMap<>();
    p.put("AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"));
    p.put("private key", Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"));
    p.put("GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"));
    p.put("Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"));
    p.put("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"));
    p.put("secret key", Pattern.compile("\\bsk-(?:live-|proj-)?[A-Za-z0-9]{32,}\\b"));
    p.put("hard-coded credential", Pattern.compile(
        "(?i)\\b(?:api[_-]?key|secret[_-]?key|access[_-]?token|password)\\s*[:=]\\s*[\"'](?=[^\"']*\\d)"
            + "(?=[^\"']*[a-zA-Z])[A-Za-z0-9_+/=-]{20,}[\"']"));
    return new PatternCheck("secrets", p);
  }

  /** Text that credits a tool for writing the answer, instead of just answering. */
  public static PatternCheck attribution() {
    Map<String, Pattern> p = new LinkedHashMap<>();
    p.put("generated-by notice", Pattern.compile("(?i)\\bgenerated (?:with|by) (?:an? )?(?:ai|llm|language model)\\b"));
    p.put("co-author trailer", Pattern.compile("(?im)^[ \\t]*co-authored-by:"));
    p.put("self-description as a model", Pattern.compile("(?i)\\bas an ai(?: language)? model\\b"));
    p.put("robot emoji", Pattern.compile("\\x{1F916}"));
    return new PatternCheck("attribution", p);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> findings(String text) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
      Matcher m = e.getValue().matcher(text);
      if (m.find()) {
        out.add(e.getKey() + " at line " + (1 + text.substring(0, m.start()).chars().filter(c -> c == '\n').count()));
      }
    }
    return out;
  }
}
