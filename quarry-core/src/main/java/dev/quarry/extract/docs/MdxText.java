package dev.quarry.extract.docs;

/**
 * MDX read as Markdown: {@code import}/{@code export} statements, JSX component tags ({@code <Note>},
 * {@code <Tabs items={[...]}>}, {@code </Note>}, {@code <Image ... />}) and {@code {/* comments *}{@literal /}}
 * are blanked while the text between tags and every code fence stay, so line numbers still point at the
 * {@code .mdx} file. Lines inside a component lose their indentation (an indented fence in a {@code <Tab>} is
 * still a fence, not an indented code block).
 */
final class MdxText {
  private MdxText() {}

  /** The Markdown of an MDX document with {@code \n} line ends, one output line per input line. */
  static String toMarkdown(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    int depth = 0; // open components around the current line
    boolean inTag = false; // inside a tag's props that span lines
    int braces = 0; // brace depth inside a tag or a statement
    boolean inStatement = false; // an import/export statement spanning lines
    String fence = null; // the opening fence marker while inside a code block
    int fenceIndent = 0;
    boolean frontMatter = text.startsWith("---\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        out.append('\n');
      }
      if (frontMatter) {
        out.append(line);
        if (i > 0 && (line.stripTrailing().equals("---") || line.stripTrailing().equals("..."))) {
          frontMatter = false;
        }
        continue;
      }
      String stripped = line.stripLeading();
      if (fence != null) {
        out.append(dedent(line, fenceIndent));
        if (stripped.startsWith(fence) && stripped.substring(fence.length()).isBlank()) {
          fence = null;
        }
        continue;
      }
      if (!inTag && !inStatement && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
        int n = 0;
        while (n < stripped.length() && stripped.charAt(n) == stripped.charAt(0)) {
          n++;
        }
        fence = stripped.substring(0, n);
        fenceIndent = depth > 0 ? line.length() - stripped.length() : 0;
        out.append(dedent(line, fenceIndent));
        continue;
      }
      if (inStatement || (!inTag && depth == 0 && (line.startsWith("import ") || line.startsWith("export ")))) {
        braces += balance(line);
        inStatement = braces > 0 || line.stripTrailing().endsWith(",") || line.stripTrailing().endsWith("=");
        continue;
      }
      StringBuilder kept = new StringBuilder();
      int c = 0;
      while (c < line.length()) {
        char ch = line.charAt(c);
        if (inTag) {
          if (ch == '{') {
            braces++;
          } else if (ch == '}') {
            braces--;
          } else if (ch == '>' && braces <= 0) {
            inTag = false;
            braces = 0;
            if (c > 0 && line.charAt(c - 1) == '/') {
              depth--;
            }
          }
          c++;
          continue;
        }
        if (ch == '`') {
          int close = line.indexOf('`', c + 1);
          int end = close < 0 ? line.length() : close + 1;
          kept.append(line, c, end);
          c = end;
          continue;
        }
        if (line.startsWith("{/*", c)) {
          int close = line.indexOf("*/}", c + 3);
          if (close >= 0) {
            c = close + 3;
            continue;
          }
        }
        if (ch == '<' && c + 1 < line.length()) {
          boolean closing = line.charAt(c + 1) == '/';
          int nameAt = closing ? c + 2 : c + 1;
          if (nameAt < line.length() && Character.isUpperCase(line.charAt(nameAt))) {
            if (closing) {
              int close = line.indexOf('>', nameAt);
              depth = Math.max(0, depth - 1);
              c = close < 0 ? line.length() : close + 1;
            } else {
              depth++;
              inTag = true;
              braces = 0;
              c = nameAt;
            }
            continue;
          }
        }
        kept.append(ch);
        c++;
      }
      String k = kept.toString();
      out.append(depth > 0 || inTag || !k.equals(line) ? k.strip() : k);
    }
    return out.toString();
  }

  private static int balance(String line) {
    int b = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '{' || ch == '(' || ch == '[') {
        b++;
      } else if (ch == '}' || ch == ')' || ch == ']') {
        b--;
      }
    }
    return b;
  }

  private static String dedent(String line, int indent) {
    int n = 0;
    while (n < indent && n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return line.substring(n);
  }
}
