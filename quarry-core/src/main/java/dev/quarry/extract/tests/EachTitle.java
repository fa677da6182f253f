package dev.quarry.extract.tests;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.JsStrings;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Fills the placeholders of an {@code it.each}/{@code test.each} title from the table's first case, the way the
 * runner names that case: printf-style {@code %s %d %i %f %j %o %O %p %#} (positional over the case's
 * arguments) and {@code $name} (a key of an object case, or a column of a tagged-template table). A prompt
 * then states a real behaviour ("requests top_k=1") instead of a format string.
 */
final class EachTitle {
  private EachTitle() {}

  /** {@code title} with its placeholders filled from the first case of {@code table}; unchanged when unknown. */
  static String fill(CodeFile f, TSNode table, String title) {
    if (table == null || table.isNull()) {
      return title;
    }
    List<TSNode> args = new ArrayList<>();
    Map<String, TSNode> named = new LinkedHashMap<>();
    if (table.getType().equals("array")) {
      List<TSNode> rows = SourceTree.namedChildren(table);
      if (rows.isEmpty()) {
        return title;
      }
      TSNode row = rows.get(0);
      if (row.getType().equals("array")) {
        args.addAll(SourceTree.namedChildren(row));
      } else {
        args.add(row);
      }
      if (row.getType().equals("object")) {
        for (TSNode pair : SourceTree.namedChildren(row)) {
          if (pair.getType().equals("pair")) {
            named.put(key(f, pair.getChildByFieldName("key")), pair.getChildByFieldName("value"));
          }
        }
      }
    } else if (table.getType().equals("template_string")) {
      templateRow(f, table, named);
    } else {
      return title;
    }
    return substitute(f, title, args, named);
  }

  private static void templateRow(CodeFile f, TSNode table, Map<String, TSNode> named) {
    String text = f.text(table);
    String body = text.length() > 1 ? text.substring(1) : "";
    String header = body.strip().lines().findFirst().orElse("");
    List<TSNode> subs = new ArrayList<>();
    for (TSNode n : SourceTree.namedChildren(table)) {
      if (n.getType().equals("template_substitution")) {
        List<TSNode> inner = SourceTree.namedChildren(n);
        if (!inner.isEmpty()) {
          subs.add(inner.get(0));
        }
      }
    }
    String[] columns = header.split("\\|");
    for (int i = 0; i < columns.length && i < subs.size(); i++) {
      named.put(columns[i].strip(), subs.get(i));
    }
  }

  private static String key(CodeFile f, TSNode k) {
    return JsStrings.isLiteral(k) ? JsStrings.value(f, k) : f.text(k);
  }

  private static String substitute(CodeFile f, String title, List<TSNode> args, Map<String, TSNode> named) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < title.length()) {
      char c = title.charAt(i);
      if (c == '%' && i + 1 < title.length()) {
        char k = title.charAt(i + 1);
        if (k == '%') {
          out.append('%');
          i += 2;
          continue;
        }
        if (k == '#') {
          out.append('0');
          i += 2;
          continue;
        }
        if ("sdifjoOp".indexOf(k) >= 0 && next < args.size()) {
          out.append(format(f, args.get(next++), k));
          i += 2;
          continue;
        }
      }
      if (c == '$' && i + 1 < title.length() && Character.isJavaIdentifierStart(title.charAt(i + 1))) {
        int end = i + 1;
        while (end < title.length() && (Character.isJavaIdentifierPart(title.charAt(end)) && title.charAt(end) != '$')) {
          end++;
        }
        String name = title.substring(i + 1, end);
        TSNode v = named.get(name);
        if (v != null) {
          out.append(format(f, v, 's'));
          i = end;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** One value as the runner prints it: strings bare for {@code %s}, quoted for {@code %j}/{@code %p}. */
  private static String format(CodeFile f, TSNode v, char kind) {
    boolean string = JsStrings.isLiteral(v);
    String text = string ? JsStrings.value(f, v) : f.text(v).replaceAll("\\s+", " ").strip();
    return switch (kind) {
      case 'd', 'i' -> integer(text);
      case 's', 'f' -> text;
      default -> string ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
          .replace("\t", "\\t") + "\"" : compact(text);
    };
  }

  private static String integer(String text) {
    try {
      return String.valueOf((long) Double.parseDouble(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static String compact(String text) {
    return text.replaceAll("\\{\\s+", "{").replaceAll("\\s+}", "}").replaceAll("\\[\\s+", "[")
        .replaceAll("\\s+]", "]");
  }
}
