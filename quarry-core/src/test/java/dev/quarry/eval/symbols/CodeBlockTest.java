package dev.quarry.eval.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeBlockTest {
  @Test
  void findsFencedBlocksWithLabelsAndLines() {
    String md = "Intro\n```Python title=\"x\"\nprint(1)\n```\ntext\n~~~\nraw\n~~~\n";
    List<CodeBlock> blocks = CodeBlock.of(md);
    assertThat(blocks).containsExactly(new CodeBlock("python", "print(1)\n", 2), new CodeBlock("", "raw\n", 6));
  }

  @Test
  void anUnclosedFenceRunsToTheEnd() {
    assertThat(CodeBlock.of("```ts\nconst a = 1;\n")).containsExactly(new CodeBlock("ts", "const a = 1;\n", 1));
  }

  @Test
  void aLongerFenceIsNotClosedByAShorterOne() {
    assertThat(CodeBlock.of("````md\n```\ninner\n```\n````\n")).extracting(CodeBlock::code)
        .containsExactly("```\ninner\n```\n");
  }
}
