package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import dev.quarry.validate.CodeBlock;
import dev.quarry.validate.CodeSource;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.treesitter.TSNode;

/**
 * Every fenced code block whose language has a grammar ({@link Grammar}: Python, TypeScript, TSX, JavaScript and
 * JSX, Java, JSON, YAML, Bash) must parse; an unlabelled block is checked when its language can be detected
 * (a failure there is a warning, since the detection may be wrong). Python also gets the checks that make
 * tree-sitter agree with CPython ({@link PythonStrictness}). Excerpts are judged fairly: Python is dedented, and
 * a Java, TypeScript or JavaScript member cut out of its class is accepted when it parses inside one, and a
 * one-line declaration shown without its body is accepted when it parses with one. Blocks in
 * languages without a grammar (SQL, Go, …) and console transcripts are not checked. Only the assistant's code is
 * checked: a user message may quote broken code on purpose ("fix this") or an outline of an API. The location
 * is the line of the first error within the message.
 */
public final class SyntaxRule implements Rule {
  private static final Set<String> TRANSCRIPTS = Set.of("console", "shell-session", "terminal", "output", "text",
      "plaintext", "txt", "log");

  @Override
  public String id() {
    return "syntax";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "every fenced code block parses (tree-sitter; Python as strict as CPython)";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return ctx.assistantCode(e).stream().anyMatch(SyntaxRule::checkable);
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (CodeBlock b : ctx.assistantCode(e)) {
      if (!b.closed()) {
        out.add(Finding.warning(id(), "code block is not closed (add the closing ```)",
            Locations.of(e, b.message(), Math.max(1, b.firstLine() - 1))));
      }
      if (!checkable(b)) {
        continue;
      }
      Optional<Problem> error = firstError(b, ctx);
      if (error.isEmpty()) {
        continue;
      }
      String what = error.get().what();
      String where = Locations.of(e, b.message(), b.messageLine(error.get().line()));
      if (b.detected()) {
        out.add(Finding.warning(id(), "unlabelled code block looks like " + b.languageName() + " but does not parse: "
            + what + " (fix it, or label the fence with its language)", where));
      } else {
        out.add(Finding.error(id(), b.languageName() + " code block does not parse: " + what
            + " (fix the code, or the fence label if it is another language)", where));
      }
    }
    return out.stream();
  }

  static boolean checkable(CodeBlock b) {
    return b.grammar().isPresent() && !TRANSCRIPTS.contains(b.label()) && !b.code().isBlank();
  }

  /**
   * The first error of a block.
   *
   * @param line 1-based line within the code
   * @param what what is wrong
   */
  record Problem(int line, String what) {}

  /** The first error of {@code b}, or empty when it parses. */
  static Optional<Problem> firstError(CodeBlock b, RuleContext ctx) {
    SourceTree tree = ctx.tree(b);
    Grammar g = b.grammar().orElseThrow();
    if (!tree.hasError()) {
      if (g != Grammar.PYTHON) {
        return Optional.empty();
      }
      return PythonStrictness.check(tree).map(p -> new Problem(p.line(), p.what()));
    }
    if (parsesAsMember(g, CodeSource.of(b)) || isSignature(g, CodeSource.of(b))) {
      return Optional.empty();
    }
    TSNode err = firstErrorNode(tree);
    int line = err == null ? 1 : SourceTree.line(err);
    if (err != null && err.isMissing()) {
      return Optional.of(new Problem(line, "missing \"" + err.getType() + "\""));
    }
    String near = err == null ? "" : tree.text(err).strip().lines().findFirst().orElse("");
    return Optional.of(new Problem(line, near.isEmpty() ? "syntax error"
        : "syntax error at \"" + (near.length() > 40 ? near.substring(0, 40) + "…" : near) + "\""));
  }

  /**
   * Whether a one-line block is a declaration shown without its body ({@code def f(x: int) -> int},
   * {@code const useAgent = (o: Options): Result =>}), a documentation idiom: it parses once a body is added.
   */
  private static boolean isSignature(Grammar g, String code) {
    String line = code.strip();
    if (line.isEmpty() || line.indexOf('\n') >= 0) {
      return false;
    }
    String completed;
    switch (g) {
      case PYTHON:
        completed = line.endsWith(":") ? line + " ..." : line + ": ...";
        break;
      case JAVA:
      case TYPESCRIPT:
      case TSX:
      case JAVASCRIPT:
        completed = line + " {}";
        break;
      default:
        return false;
    }
    try (SourceTree t = SourceTree.parse(g, completed)) {
      return !t.hasError() || (g != Grammar.PYTHON && parsesAsMember(g, completed));
    }
  }

  /** Whether a Java/TS/JS excerpt parses as the body of a class or of a method (same line numbers). */
  private static boolean parsesAsMember(Grammar g, String code) {
    List<String> wrappers;
    switch (g) {
      case JAVA:
        wrappers = List.of("class Q__ { ", "class Q__ { void q__() { ");
        break;
      case TYPESCRIPT:
      case TSX:
      case JAVASCRIPT:
        wrappers = List.of("class Q__ { ");
        break;
      default:
        return false;
    }
    for (String w : wrappers) {
      String close = w.chars().filter(c -> c == '{').mapToObj(c -> "}").reduce("\n", String::concat);
      try (SourceTree t = SourceTree.parse(g, w + code + close)) {
        if (!t.hasError()) {
          return true;
        }
      }
    }
    return false;
  }

  private static TSNode firstErrorNode(SourceTree tree) {
    TSNode[] found = new TSNode[1];
    tree.walk(n -> {
      if (found[0] != null) {
        return false;
      }
      if (n.isError() || n.isMissing()) {
        found[0] = n;
        return false;
      }
      return n.hasError();
    });
    return found[0];
  }
}
