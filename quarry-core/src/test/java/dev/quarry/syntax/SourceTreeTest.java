package dev.quarry.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.model.LineRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

class SourceTreeTest {
  @Test
  void nodeTextIsCutByBytesAfterNonAsciiText() {
    String src = "# Grüße 😀 — ünïcödé\nNAME = 'día'\n\ndef größe(x):\n    \"\"\"Größe 😀.\"\"\"\n    return x\n";
    try (SourceTree t = SourceTree.parse(Grammar.PYTHON, src)) {
      TSNode fn = functions(t).get(0);
      assertThat(t.text(SourceTree.field(fn, "name").orElseThrow())).isEqualTo("größe");
      assertThat(t.text(fn)).startsWith("def größe(x):").endsWith("return x");
      assertThat(t.lines(fn)).isEqualTo(new LineRange(4, 6));
      assertThat(t.hasError()).isFalse();
    }
  }

  @Test
  void textAtTheStartOfALargeFileIsNotOverwrittenByParsing() {
    String body = "/** Docs. */\nexport function a(): number {\n  return 1;\n}\n" + "// filler line\n".repeat(9000);
    try (SourceTree t = SourceTree.parse(Grammar.TYPESCRIPT, body)) {
      TSNode first = t.root().getNamedChild(0);
      assertThat(t.text(first)).isEqualTo("/** Docs. */");
      assertThat(t.source()).isEqualTo(body);
      assertThat(t.text(0, t.byteLength())).isEqualTo(body);
    }
  }

  @Test
  void pythonFormFeedIsNotASyntaxError() {
    try (SourceTree t = SourceTree.parse(Grammar.PYTHON, "def a():\n    return 1\n\f\ndef b():\n    return 2\n")) {
      assertThat(t.hasError()).isFalse();
      assertThat(functions(t)).hasSize(2);
    }
  }

  @Test
  void reportsTheLineOfTheFirstSyntaxError() {
    try (SourceTree t = SourceTree.parse(Grammar.JAVA, "class A {\n  void f() {\n    int x = ;\n  }\n}\n")) {
      assertThat(t.hasError()).isTrue();
      assertThat(t.firstErrorLine()).contains(3);
    }
  }

  @Test
  void parsesTsxThatTheTypescriptGrammarRejects() {
    String src = "export const A = () => <div className=\"x\">{1}</div>;\n";
    try (SourceTree tsx = SourceTree.parse(Grammar.TSX, src);
        SourceTree ts = SourceTree.parse(Grammar.TYPESCRIPT, src)) {
      assertThat(tsx.hasError()).isFalse();
      assertThat(ts.hasError()).isTrue();
    }
  }

  @Test
  void everyWalkOfATreeVisitsTheSameNodesWithTheSameTypesAndPruningWhetherRecordedOrNot() {
    String code = "import os\n\nclass A:\n    def f(self, x: int) -> int:\n        if x:\n            return [y for y in"
        + " range(x)]\n        return os.getpid()\n";
    try (SourceTree t = SourceTree.parse(Grammar.PYTHON, code)) {
      List<String> first = new ArrayList<>();
      List<String> pruned1 = new ArrayList<>();
      t.walkTyped((n, type) -> first.add(type + "@" + n.getStartByte() + ":" + n.getType()) || true);
      // the second walk records the tree; the third runs over the recording
      for (int round = 0; round < 2; round++) {
        List<String> again = new ArrayList<>();
        t.walkTyped((n, type) -> again.add(type + "@" + n.getStartByte() + ":" + n.getType()) || true);
        assertThat(again).isEqualTo(first);
      }
      SourceTree.walk(t.root(), n -> {
        pruned1.add(n.getType() + "@" + n.getStartByte());
        return !n.getType().equals("function_definition");
      });
      List<String> pruned2 = new ArrayList<>();
      t.walk(n -> {
        pruned2.add(n.getType() + "@" + n.getStartByte());
        return !n.getType().equals("function_definition");
      });
      assertThat(pruned2).isEqualTo(pruned1).contains("function_definition@24").doesNotContain("parameters@29");
      assertThat(first).hasSizeGreaterThan(pruned2.size());
    }
  }

  @Test
  void closedTreeRefusesUse() {
    SourceTree t = SourceTree.parse(Grammar.JSON, "{\"a\": 1}");
    t.close();
    assertThatThrownBy(t::root).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mapsExtensionsAndFenceLabels() {
    assertThat(Grammar.forPath("src/App.tsx")).contains(Grammar.TSX);
    assertThat(Grammar.forPath("src/App.JSX")).contains(Grammar.JAVASCRIPT);
    assertThat(Grammar.forPath("a/b.mts")).contains(Grammar.TYPESCRIPT);
    assertThat(Grammar.forPath("Makefile")).isEmpty();
    assertThat(Grammar.forFenceLabel("py title=\"x.py\"")).contains(Grammar.PYTHON);
    assertThat(Grammar.forFenceLabel("{.python}")).contains(Grammar.PYTHON);
    assertThat(Grammar.forFenceLabel("jsx")).contains(Grammar.JAVASCRIPT);
    assertThat(Grammar.forFenceLabel("shell")).contains(Grammar.BASH);
    assertThat(Grammar.forFenceLabel("text")).isEmpty();
  }

  private static List<TSNode> functions(SourceTree t) {
    List<TSNode> out = new ArrayList<>();
    t.walk(n -> {
      if (n.getType().equals("function_definition")) {
        out.add(n);
      }
      return true;
    });
    return out;
  }
}
