package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import dev.quarry.validate.CodeBlock;
import dev.quarry.validate.Locations;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * What the assistant's code in one example contains, read from the syntax trees of its code blocks in one walk
 * each and shared by the tests, error-handling, type-hints and completeness rules.
 *
 * @param analysed code blocks in a language these rules understand (Python, TypeScript, TSX, JavaScript, Java)
 * @param tests whether any has a test function or an assertion
 * @param errorHandling whether any handles errors (try, raise/throw, {@code throws}, {@code .catch}, HTTP status checks)
 * @param typedLanguageFunctions functions found in Python or TypeScript code (where type hints apply)
 * @param untyped functions with unannotated parameters or (Python) return
 * @param placeholders placeholder bodies and comments, in any assistant code block
 */
record CodeFacts(List<CodeBlock> analysed, boolean tests, boolean errorHandling, int typedLanguageFunctions,
    List<Spot> untyped, List<Spot> placeholders) {

  /**
   * A place in a code block.
   *
   * @param block the block
   * @param line 1-based line in the block's code
   * @param what what is there
   */
  record Spot(CodeBlock block, int line, String what) {}

  static final Set<Grammar> LANGUAGES = Set.of(Grammar.PYTHON, Grammar.TYPESCRIPT, Grammar.TSX, Grammar.JAVASCRIPT,
      Grammar.JAVA);

  static final Pattern PLACEHOLDER_COMMENT = Pattern.compile("\\b(TODO|FIXME|XXX)\\b|(?i)(implement (this|me|here|"
      + "the rest|later|it here)|(your|the) (code|logic|implementation) (goes )?here|(rest of|remaining) (the )?"
      + "(code|implementation|logic|methods?)|\\.\\.\\.\\s*(existing|rest|more|other|same|omitted)|^\\W*\\.\\.\\.\\W*$|"
      + "add (your )?(logic|code|implementation) here|not (yet )?implemented)");

  private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(#|//|/\\*|\\*|--)(.*)$");

  /** The facts of {@code e}'s assistant code, computed once per example. */
  static CodeFacts of(Example e, RuleContext ctx) {
    return ctx.perExample(e, "code-facts", () -> compute(e, ctx));
  }

  /** The location of 1-based line {@code codeLine} of block {@code b}'s code in {@code e}. */
  static String at(Example e, CodeBlock b, int codeLine) {
    return Locations.of(e, b.message(), b.messageLine(codeLine));
  }

  private static CodeFacts compute(Example e, RuleContext ctx) {
    Walk w = new Walk();
    for (CodeBlock b : ctx.assistantCode(e)) {
      Grammar g = b.grammar().orElse(null);
      if (g == null || !LANGUAGES.contains(g)) {
        commentLines(b, w.placeholders);
        continue;
      }
      w.analysed.add(b);
      w.block = b;
      SourceTree tree = ctx.tree(b);
      switch (g) {
        case PYTHON:
          PythonFacts.walk(tree, w);
          break;
        case JAVA:
          JavaFacts.walk(tree, w);
          break;
        default:
          ScriptFacts.walk(tree, w, g != Grammar.JAVASCRIPT);
          break;
      }
    }
    return new CodeFacts(List.copyOf(w.analysed), w.tests, w.errorHandling, w.typedFunctions, List.copyOf(w.untyped),
        List.copyOf(w.placeholders));
  }

  private static void commentLines(CodeBlock b, List<Spot> out) {
    String[] lines = b.code().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      java.util.regex.Matcher m = COMMENT_LINE.matcher(lines[i]);
      if (m.matches() && PLACEHOLDER_COMMENT.matcher(m.group(2).strip()).find()) {
        out.add(new Spot(b, i + 1, "placeholder comment \"" + lines[i].strip() + "\""));
      }
    }
  }

  /**
   * Whether a class name is a test double's ({@code FakeStore}, {@code MockModel}, {@code InMemoryCache},
   * {@code NoopTracer}, {@code StubClient}, {@code DummyTransport}, {@code NullLogger}, {@code SpyHandler}):
   * its empty members are what it is for.
   */
  static boolean testDouble(String className) {
    return TEST_DOUBLE.matcher(className).find();
  }

  private static final Pattern TEST_DOUBLE = Pattern.compile(
      "^_*(?:Fake|Mock|Stub|Dummy|Noop|NoOp|Null|Spy|InMemory|Recording|Test)[A-Z0-9_]|(?:Fake|Mock|Stub|Dummy|Double|Spy)$");

  /** The mutable state of one example's walk. */
  static final class Walk {
    final List<CodeBlock> analysed = new ArrayList<>();
    final List<Spot> untyped = new ArrayList<>();
    final List<Spot> placeholders = new ArrayList<>();
    CodeBlock block;
    boolean tests;
    boolean errorHandling;
    int typedFunctions;

    void untyped(TSNode n, String what) {
      untyped.add(new Spot(block, SourceTree.line(n), what));
    }

    void placeholder(TSNode n, String what) {
      placeholders.add(new Spot(block, SourceTree.line(n), what));
    }

    void comment(SourceTree tree, TSNode n) {
      String text = tree.text(n);
      String body = text.replaceFirst("^(#|//|/\\*+|--)", "").replaceFirst("\\*/$", "").strip();
      if (PLACEHOLDER_COMMENT.matcher(body).find()) {
        String shown = text.strip();
        placeholder(n, "placeholder comment \"" + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + "\"");
      }
    }
  }
}
