package dev.quarry.extract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.ExtractRun;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class DocFormatsTest {
  private static ExtractRun run() {
    return ExtractRun.of(new DocsExtractor(), ExtractRun.fixture("docs-formats"), "");
  }

  @Test
  void mdxAndRstSectionsBecomeExamplesTitledByFrontMatterAndOverlinedTitle() {
    assertThat(run().examples()).extracting(e -> e.source().path() + " | " + e.source().symbol()).containsExactly(
        "docs/setup.rst | Install Guide > Getting started",
        "docs/setup.rst | Install Guide > Configuration",
        "docs/streaming.mdx | Streaming Responses > Stream from a route handler",
        "docs/streaming.mdx | Streaming Responses > Cancel a stream");
  }

  @Test
  void mdxImportsExportsAndComponentTagsAreStrippedButTheirTextAndFencesStay() {
    Example e = run().bySymbol("Streaming Responses > Stream from a route handler");

    assertThat(e.finalAnswer()).contains("Streaming keeps the first token fast", "```ts\nexport async function POST(",
        "\n  return result.toTextStreamResponse();\n}\n```")
        .doesNotContain("<Note", "</Note>", "<Tab", "items={", "import {", "@/components", "reviewers");
    assertThat(e.language()).isEqualTo("typescript");
    assertThat(e.source().lines().first()).isEqualTo(16);
  }

  @Test
  void mdxPropsSpanningLinesAreDroppedAndTagsInsideInlineCodeKept() {
    Example e = run().bySymbol("Streaming Responses > Cancel a stream");

    assertThat(e.finalAnswer()).doesNotContain("<Image", "onLoad", "cancel.png", "y')")
        .contains("Pass an `AbortSignal`", "Write `<Stream>` in prose");
  }

  @Test
  void rstCodeBlockDirectiveBecomesAFenceWithItsLanguage() {
    Example e = run().bySymbol("Install Guide > Getting started");

    assertThat(e.finalAnswer()).contains("pin the version in `requirements.txt`",
        "```python\nfrom acme import Client\n\nclient = Client(timeout=5)\n```").doesNotContain(":linenos:", "===");
    assertThat(e.language()).isEqualTo("python");
    assertThat(e.source().lines()).isEqualTo(new LineRange(5, 17));
  }

  @Test
  void rstLiteralBlocksAreFencedTargetsDroppedAndSecondAdornmentIsASubsection() {
    Example e = run().bySymbol("Install Guide > Configuration");

    assertThat(e.finalAnswer()).contains("for example:\n```\nexport ACME_URL=http://127.0.0.1:8000\n",
        "Restart the service").doesNotContain(".. _config-target", "---");
    assertThat(e.messages().get(1).content()).containsIgnoringCase("configuration as part of getting started");
  }
}
