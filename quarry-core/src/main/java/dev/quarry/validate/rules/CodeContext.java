package dev.quarry.validate.rules;

import java.util.regex.Pattern;

/**
 * Whether a stretch of a text is code, for {@code validate.attribution.mentions: allow-in-code}: inside a
 * fenced block or an inline code span, on a line that reads as code (an import, a declaration, a shell
 * command) or that holds inline code (prose about that code), or part of a code-like token — an identifier that joins the name to other parts
 * ({@code OpenAIClient}, {@code langchain_openai}), a path, package, URL or model id ({@code @ai-sdk/anthropic},
 * {@code api.openai.com}, {@code gpt-4o}, {@code 'claude-3-5-sonnet'}). Prose is everything else: "the OpenAI
 * provider", "Anthropic's API". Immutable; one instance per text.
 */
final class CodeContext {
  private static final Pattern CODE_LINE = Pattern.compile("^\\s*(?:[$>#]+\\s+)?(?:import|from\\s+\\S+\\s+import|"
      + "const|let|var|export|require|def|class|async|await|return|assert|raise|yield|elif|except|lambda|"
      + "pip3?|npm|npx|yarn|pnpm|uv|uvx|poetry|curl|"
      + "@[a-z]|[a-z_][a-z0-9_]*\\s*=)\\b.*|.*[;{}]\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\s][^`]*`");
  private static final String CODE_CHARS = "._/@:()=<>{}[]$#`\"\\";

  private final String text;
  private final boolean[] fenced;
  private final boolean allCode;

  private CodeContext(String text, boolean allCode) {
    this.text = text;
    this.allCode = allCode;
    String[] lines = text.split("\n", -1);
    this.fenced = new boolean[lines.length];
    boolean in = false;
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      boolean fence = t.startsWith("```") || t.startsWith("~~~");
      fenced[i] = in || fence;
      if (fence) {
        in = !in;
      }
    }
  }

  /** A text whose code is told apart from its prose (a message, a meta value). */
  static CodeContext of(String text) {
    return new CodeContext(text, false);
  }

  /** A text that is code as a whole (a path, a symbol, a tag, an object key). */
  static CodeContext code(String text) {
    return new CodeContext(text, true);
  }

  /** Whether original characters {@code [from, to)} are code. */
  boolean inCode(int from, int to) {
    if (allCode || text.isEmpty()) {
      return true;
    }
    int lineStart = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
    if (from == 0) {
      lineStart = 0;
    }
    int lineEnd = text.indexOf('\n', from);
    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
    int lineNo = 0;
    for (int i = 0; i < lineStart; i++) {
      if (text.charAt(i) == '\n') {
        lineNo++;
      }
    }
    if (fenced[lineNo]) {
      return true;
    }
    String line = text.substring(lineStart, lineEnd);
    int ticks = 0;
    for (int i = lineStart; i < from; i++) {
      if (text.charAt(i) == '`') {
        ticks++;
      }
    }
    if (ticks % 2 == 1 || CODE_LINE.matcher(line).matches()) {
      return true;
    }
    if (INLINE_CODE.matcher(line).find()) {
      return true; // prose about the code on its line: "`mcp install` registers the server with Claude Desktop"
    }
    if (text.indexOf(' ') < 0 && text.indexOf('\n') < 0) {
      return true;
    }
    return codeToken(from, Math.max(from + 1, to), lineStart, lineEnd);
  }

  /** Whether the token around {@code [from, to)} is code-like (see the class comment). */
  private boolean codeToken(int from, int to, int lineStart, int lineEnd) {
    int a = from;
    while (a > lineStart && !Character.isWhitespace(text.charAt(a - 1))) {
      a--;
    }
    int b = Math.min(to, lineEnd);
    while (b < lineEnd && !Character.isWhitespace(text.charAt(b))) {
      b++;
    }
    String token = text.substring(a, b);
    token = token.replaceAll("^[(\\[\"'“‘*_]+", "").replaceAll("(?:['’]s)?[.,;:!?)\\]\"'”’*_]*$", "");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (CODE_CHARS.indexOf(c) >= 0 || Character.isDigit(c)) {
        return true;
      }
      if (c == '-' && (i + 1 < token.length() && Character.isDigit(token.charAt(i + 1)))) {
        return true;
      }
    }
    // Joined to other letters: an identifier such as OpenAIClient, not the name alone.
    int extra = 0;
    for (int i = 0; i < token.length(); i++) {
      int at = text.indexOf(token, a) + i;
      if (Character.isLetter(token.charAt(i)) && (at < from || at >= to)) {
        extra++;
      }
    }
    return extra > 0 && token.chars().noneMatch(ch -> ch == '-');
  }
}
