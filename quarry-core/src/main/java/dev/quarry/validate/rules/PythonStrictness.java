package dev.quarry.validate.rules;

import dev.quarry.syntax.SourceTree;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * What tree-sitter-python accepts but CPython rejects: Python 2 {@code print}/{@code exec} statements, empty
 * blocks, statements of one block at different columns, a block not indented past its header, clauses
 * ({@code elif}, {@code except}, …) not lined up with their statement, indented statements at module level,
 * and nesting past CPython's tokenizer limits (more than {@value #MAX_BRACKETS} open brackets, {@value #MAX_INDENT}
 * or more indentation levels). With these checks tree-sitter's verdict agrees with {@code ast.parse} on nearly
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

  /** CPython's {@code MAXLEVEL}: brackets open at once; the next one is "too many nested parentheses". */
  static final int MAX_BRACKETS = 200;
  /** CPython's {@code MAXINDENT}: this many indentation levels is "too many levels of indentation". */
  static final int MAX_INDENT = 100;

  private PythonStrictness() {}

  static Optional<Problem> check(SourceTree tree) {
    Optional<Problem> nesting = nesting(tree.source());
    if (nesting.isPresent()) {
      return nesting;
    }
    String[] lines = tree.source().split("\n", -1);
    Problem[] found = new Problem[1];
    tree.walkTyped((n, type) -> {
      if (found[0] != null) {
        return false;
      }
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

  /**
   * CPython's tokenizer limits, checked on the text as its tokenizer reads it: brackets inside strings and
   * comments do not count, indentation counts only on lines that start a logical line (not blank, not a
   * comment, not inside brackets, a string or after a backslash), tabs to multiples of 8.
   */
  static Optional<Problem> nesting(String src) {
    int depth = 0;
    int line = 1;
    int[] indents = new int[MAX_INDENT + 1];
    int levels = 0; // indents[0..levels]: the indentation stack, indents[0] = 0
    boolean lineStart = true;
    boolean continued = false;
    int i = 0;
    int n = src.length();
    while (i < n) {
      if (lineStart) {
        lineStart = false;
        int col = 0;
        int j = i;
        while (j < n && (src.charAt(j) == ' ' || src.charAt(j) == '\t' || src.charAt(j) == '\f')) {
          col = src.charAt(j) == '\t' ? (col / 8 + 1) * 8 : src.charAt(j) == '\f' ? 0 : col + 1;
          j++;
        }
        boolean blank = j >= n || src.charAt(j) == '\n' || src.charAt(j) == '\r' || src.charAt(j) == '#';
        if (!blank && depth == 0 && !continued) {
          if (col > indents[levels]) {
            if (levels + 1 >= MAX_INDENT) {
              return Optional.of(new Problem(line, "too many levels of indentation"));
            }
            indents[++levels] = col;
          } else {
            while (levels > 0 && col < indents[levels]) {
              levels--;
            }
          }
        }
        continued = false;
        i = j;
        continue;
      }
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = true;
        i++;
      } else if (c == '#') {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\\') {
        continued = i + 1 < n && src.charAt(i + 1) == '\n';
        i += 2;
        if (continued) {
          line++;
          lineStart = true;
        }
      } else if (c == '\'' || c == '"') {
        int end = stringEnd(src, i);
        for (int k = i; k < end; k++) {
          if (src.charAt(k) == '\n') {
            line++;
          }
        }
        i = end;
      } else {
        if (c == '(' || c == '[' || c == '{') {
          if (depth >= MAX_BRACKETS) {
            return Optional.of(new Problem(line, "too many nested parentheses"));
          }
          depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        i++;
      }
    }
    return Optional.empty();
  }

  /** The index just past the string literal whose opening quote is at {@code start}. */
  private static int stringEnd(String src, int start) {
    char q = src.charAt(start);
    boolean triple = src.startsWith(String.valueOf(q).repeat(3), start);
    int i = start + (triple ? 3 : 1);
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (triple ? src.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
        return i + (triple ? 3 : 1);
      } else if (!triple && c == '\n') {
        return i; // unterminated: the parser reports it
      } else {
        i++;
      }
    }
    return src.length();
  }
}
