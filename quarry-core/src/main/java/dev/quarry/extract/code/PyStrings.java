package dev.quarry.extract.code;

import dev.quarry.syntax.SourceTree;
import java.util.Optional;
import org.treesitter.TSNode;

/** The values of Python string literals. */
public final class PyStrings {
  private PyStrings() {}

  /**
   * The value of a plain string literal (escapes left as written), or of adjacent literals concatenated; empty
   * for f-strings with substitutions and anything that is not a string.
   */
  public static Optional<String> value(CodeFile file, TSNode node) {
    if (node.getType().equals("concatenated_string")) {
      StringBuilder sb = new StringBuilder();
      for (TSNode part : SourceTree.namedChildren(node)) {
        Optional<String> v = value(file, part);
        if (v.isEmpty()) {
          return Optional.empty();
        }
        sb.append(v.get());
      }
      return Optional.of(sb.toString());
    }
    if (!node.getType().equals("string")) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    for (TSNode part : SourceTree.namedChildren(node)) {
      switch (part.getType()) {
        case "string_content" -> sb.append(file.text(part));
        case "interpolation" -> {
          return Optional.empty();
        }
        case "escape_sequence" -> sb.append(file.text(part));
        default -> { }
      }
    }
    return Optional.of(sb.toString());
  }

  /** The docstring of a function or class definition (cleaned like {@code inspect.cleandoc}), if it has one. */
  public static Optional<String> docstring(CodeFile file, TSNode definition) {
    TSNode body = definition.getChildByFieldName("body");
    if (body == null || body.isNull() || body.getNamedChildCount() == 0) {
      return Optional.empty();
    }
    TSNode first = body.getNamedChild(0);
    if (!first.getType().equals("expression_statement") || first.getNamedChildCount() == 0) {
      return Optional.empty();
    }
    return value(file, first.getNamedChild(0)).map(PyStrings::cleandoc).filter(s -> !s.isBlank());
  }

  /** The docstring statement node of a definition, if there is one. */
  public static Optional<TSNode> docstringNode(TSNode definition) {
    TSNode body = definition.getChildByFieldName("body");
    if (body == null || body.isNull() || body.getNamedChildCount() == 0) {
      return Optional.empty();
    }
    TSNode first = body.getNamedChild(0);
    if (first.getType().equals("expression_statement") && first.getNamedChildCount() > 0
        && first.getNamedChild(0).getType().equals("string")) {
      return Optional.of(first);
    }
    return Optional.empty();
  }

  /** Like Python's {@code inspect.cleandoc}: first line stripped, the rest dedented, blank edges removed. */
  public static String cleandoc(String doc) {
    String[] lines = doc.replace("\t", "    ").split("\n", -1);
    StringBuilder rest = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      rest.append(lines[i]).append('\n');
    }
    String first = lines[0].strip();
    String body = Snippet.dedent(rest.toString());
    String all = first.isEmpty() ? body : body.isEmpty() ? first : first + "\n" + body;
    return all.strip();
  }
}
