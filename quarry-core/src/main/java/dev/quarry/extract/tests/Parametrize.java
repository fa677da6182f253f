package dev.quarry.extract.tests;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * The first case of a {@code @pytest.mark.parametrize(names, values)} decorator, as {@code name=value, ...},
 * so a prompt can state a concrete case instead of "several cases".
 */
final class Parametrize {
  private static final int MAX_VALUE = 60;

  private Parametrize() {}

  /** The first case of the first parametrize decorator of {@code decorated}; "" when there is none. */
  static String firstCase(CodeFile f, TSNode decorated) {
    for (TSNode d : SourceTree.namedChildren(decorated)) {
      if (!d.getType().equals("decorator")) {
        continue;
      }
      List<TSNode> inner = SourceTree.namedChildren(d);
      if (inner.isEmpty() || !inner.get(0).getType().equals("call")
          || !f.text(inner.get(0).getChildByFieldName("function")).endsWith("parametrize")) {
        continue;
      }
      List<TSNode> args = SourceTree.namedChildren(inner.get(0).getChildByFieldName("arguments"));
      if (args.size() < 2 || !args.get(0).getType().equals("string")) {
        return "";
      }
      String namesText = f.text(args.get(0));
      String[] names = namesText.substring(1, namesText.length() - 1).replace("\"", "").split("\\s*,\\s*");
      List<TSNode> cases = SourceTree.namedChildren(args.get(1));
      if (cases.isEmpty() || !args.get(1).getType().equals("list") && !args.get(1).getType().equals("tuple")) {
        return "";
      }
      TSNode first = cases.get(0);
      if (first.getType().equals("call") && f.text(first.getChildByFieldName("function")).endsWith("param")) {
        List<TSNode> params = new ArrayList<>();
        for (TSNode a : SourceTree.namedChildren(first.getChildByFieldName("arguments"))) {
          if (!a.getType().equals("keyword_argument")) {
            params.add(a);
          }
        }
        return render(f, names, params);
      }
      List<TSNode> values = names.length > 1 && first.getType().equals("tuple")
          ? SourceTree.namedChildren(first) : List.of(first);
      return render(f, names, values);
    }
    return "";
  }

  private static String render(CodeFile f, String[] names, List<TSNode> values) {
    if (values.size() != names.length) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String v = f.text(values.get(i)).replaceAll("\\s+", " ").strip();
      if (v.length() > MAX_VALUE) {
        return "";
      }
      parts.add(names[i].strip() + "=" + v);
    }
    return String.join(", ", parts);
  }
}
