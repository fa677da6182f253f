package dev.quarry.extract.goals;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters and return type of a TypeScript function or method whose declaration starts on a given line
 * (it may span lines). Immutable.
 *
 * @param required the parameters without {@code ?} or a default, as written ({@code collectionId: string})
 * @param returns the declared return type, or ""
 */
record Signature(List<String> required, String returns) {
  Signature {
    required = List.copyOf(required);
  }

  /** Reads the declaration starting at {@code lines[at]}. */
  static Signature at(List<String> lines, int at) {
    StringBuilder text = new StringBuilder();
    for (int i = at; i < Math.min(lines.size(), at + 12); i++) {
      text.append(lines.get(i).strip()).append(' ');
      if (lines.get(i).contains("{") && balanced(text)) {
        break;
      }
    }
    String s = text.toString();
    int open = s.indexOf('(');
    int close = close(s, open);
    if (open < 0 || close < 0) {
      return new Signature(List.of(), "");
    }
    List<String> required = new ArrayList<>();
    for (String p : split(s.substring(open + 1, close))) {
      String t = p.strip();
      int colon = t.indexOf(':');
      if (!t.isEmpty() && !t.contains("=") && colon > 0 && !t.substring(0, colon).endsWith("?")) {
        required.add(t);
      }
    }
    String rest = s.substring(close + 1).strip();
    String returns = "";
    if (rest.startsWith(":")) {
      int brace = rest.lastIndexOf('{');
      returns = (brace > 0 ? rest.substring(1, brace) : rest.substring(1)).strip();
    }
    return new Signature(required, returns);
  }

  private static boolean balanced(CharSequence s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    return depth == 0;
  }

  private static int close(String s, int open) {
    if (open < 0) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> split(String params) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : params.toCharArray()) {
      if ("<({[".indexOf(c) >= 0) {
        depth++;
      } else if (">)}]".indexOf(c) >= 0) {
        depth--;
      }
      if (c == ',' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
