package dev.quarry.extract.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

class SnippetTest {
  @Test
  void nestedCodeWithAMultiLineStringAtColumnZeroIsDedentedByItsOwnColumn() {
    String src = "def serve():\n    def tools():\n        return Tool(\n            description=\"\"\"First line.\n\n"
        + "Second line at column zero.\"\"\",\n        )\n    return tools\n";
    try (SourceTree t = SourceTree.parse(Grammar.PYTHON, src)) {
      TSNode inner = t.root().getNamedChild(0).getChildByFieldName("body").getNamedChild(0);
      String snippet = Snippet.of(t, inner, inner);
      assertThat(snippet).startsWith("def tools():\n    return Tool(\n        description=\"\"\"First line.")
          .contains("\nSecond line at column zero.\"\"\",\n    )");
      try (SourceTree again = SourceTree.parse(Grammar.PYTHON, snippet)) {
        assertThat(again.hasError()).as(snippet).isFalse();
      }
    }
  }
}
