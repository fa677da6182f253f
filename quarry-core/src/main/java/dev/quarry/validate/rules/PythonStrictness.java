package dev.quarry.validate.rules;

import dev.quarry.syntax.SourceTree;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * What tree-sitter-python accepts but CPython rejects: Python 2 {@code print}/{@code exec} statements, empty
 * blocks, statements of one block at different columns, a block not indented past its header, clauses
 * ({@code elif}, {@code except}, …) not lined up with their statement, and indented statements at module level. With these checks tree-sitter's verdict agrees with {@code ast.parse} on nearly
 * all mutated code (see DEPENDENCIES.md and the agreement test).
 */
final class PythonStrictness {
  /**
   * A problem found.
   *
   * @param line 1-based line in the parsed text
   * @param what what CPython would say
   */
  record Problem(int line, String what) {}

  private static final java.util.Set<String> CLAUSES = java.util.Set.of("elif_clause", "else_clause",
      "except_clause", "except_group_clause", "finally_clause");

  private static final java.util.Set<String> COMPOUND = java.util.Set.of("module", "block", "if_statement",
      "for_statement", "while_statement", "try_statement", "with_statement", "function_definition",
      "class_definition", "decorated_definition", "match_statement", "case_clause", "elif_clause", "else_clause",
      "except_clause", "except_group_clause", "finally_clause");

  private PythonStrictness() {}

  static Optional<Problem> check(SourceTree tree) {
    String[] lines = tree.source().split("\n", -1);
    Problem[] found = new Problem[1];
    tree.walk(n -> {
      if (found[0] != null) {
        return false;
      }
      String type = n.getType();
      if (type.equals("print_statement") || type.equals("exec_statement")) {
        found[0] = new Problem(SourceTree.line(n), "Python 2 " + type.replace('_', ' ') + " (use the function form)");
        return false;
      }
      if (type.equals("module") || type.equals("block")) {
        found[0] = checkBlock(n, lines);
      } else if (CLAUSES.contains(type)) {
        found[0] = checkClause(n, lines);
      }
      // Blocks only occur inside compound statements: simple statements and expressions need no visit.
      return found[0] == null && (COMPOUND.contains(type) || n.isError());
    });
    return Optional.ofNullable(found[0]);
  }

  private static Problem checkBlock(TSNode block, String[] lines) {
    List<TSNode> statements = SourceTree.namedChildren(block).stream()
        .filter(c -> !c.getType().equals("comment")).toList();
    boolean module = block.getType().equals("module");
    if (statements.isEmpty()) {
      return module ? null : new Problem(SourceTree.line(block), "expected an indented block");
    }
    int header = module ? 0 : indentation(lines, block.getParent().getStartPoint().getRow()) + 1;
    int column = -1;
    for (TSNode s : statements) {
      int row = s.getStartPoint().getRow();
      int col = s.getStartPoint().getColumn();
      if (row >= lines.length || col != indentation(lines, row)) {
        continue;
      }
      if (column < 0) {
        column = col;
        if (module ? col != 0 : col < header) {
          return new Problem(row + 1, module ? "unexpected indent" : "expected an indented block");
        }
      } else if (col != column) {
        return new Problem(row + 1, col > column ? "unexpected indent" : "unindent does not match any outer level");
      }
    }
    return null;
  }

  /** An elif/else/except/finally/case clause that starts a line must line up with its statement. */
  private static Problem checkClause(TSNode clause, String[] lines) {
    TSNode owner = clause.getParent();
    int row = clause.getStartPoint().getRow();
    int ownerRow = owner.getStartPoint().getRow();
    if (row >= lines.length || row == ownerRow || clause.getStartPoint().getColumn() != indentation(lines, row)) {
      return null;
    }
    if (clause.getStartPoint().getColumn() != indentation(lines, ownerRow)) {
      return new Problem(row + 1, "unindent does not match any outer level");
    }
    return null;
  }

  private static int indentation(String[] lines, int row) {
    if (row >= lines.length) {
      return 0;
    }
    String l = lines[row];
    int n = 0;
    while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }
}
