package dev.quarry.extract.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.quarry.extract.Coverage;
import dev.quarry.extract.ExtractRun;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class DocsExtractorTest {
  private static ExtractRun run() {
    return ExtractRun.of(new DocsExtractor(), ExtractRun.fixture("docs"), "");
  }

  @Test
  void oneExamplePerSubstantialSectionWithoutOverlap() {
    ExtractRun r = run();

    assertThat(r.examples()).extracting(e -> e.source().path() + " | " + e.source().symbol()).containsExactly(
        ".platform/standards/python.md | Python Standards > Error handling",
        ".platform/standards/python.md | Python Standards > Retries",
        ".platform/standards/python.md | Python Standards > Why async everywhere?",
        "docs/guides/deploy.md | 1. Release checklist:");
    Example e = r.bySymbol("Python Standards > Error handling");
    assertThat(e.finalAnswer()).contains("Error handling", "Python Standards", "`.platform/standards/python.md`")
        .contains(":\n\nRaise domain errors from `app.errors`").doesNotContain("@retry");
    assertThat(e.source().lines()).isEqualTo(new LineRange(8, 11));
    assertThat(e.category()).isEqualTo("standards");
    assertThat(e.language()).isEqualTo("text");
    assertThat(e.messages().get(1).content()).containsIgnoringCase("error handling").doesNotContain("Python Standards");
  }

  @Test
  void subsectionQuestionNamesItsParentAndCodeSetsTheLanguage() {
    Example e = run().bySymbol("Python Standards > Retries");

    assertThat(e.messages().get(1).content()).containsIgnoringCase("retries as part of error handling");
    assertThat(e.language()).isEqualTo("python");
    assertThat(e.source().lines()).isEqualTo(new LineRange(13, 18));
  }

  @Test
  void questionHeadingsAreAskedAsWritten() {
    Example e = run().bySymbol("Python Standards > Why async everywhere?");

    assertThat(e.messages().get(1).content()).startsWith("Why async everywhere? I'm ").doesNotContain("What does");
  }

  @Test
  void headingsInsideCodeBlocksDoNotSplitSections() {
    Example e = run().bySymbol("1. Release checklist:");

    assertThat(e.finalAnswer()).contains("# ## not a heading inside code", "git tag v1.2.3");
    assertThat(e.finalAnswer()).contains("Release checklist", "deploy guide");
    assertThat(e.language()).isEqualTo("bash");
  }

  @Test
  void thinSectionsAndSectionlessDocsAreSkipsWithReasons() {
    Coverage.Report c = run().coverage();

    assertThat(c.filesScanned()).isEqualTo(3);
    assertThat(c.candidates()).isEqualTo(5);
    assertThat(c.skips()).extracting(Coverage.Skip::path, Coverage.Skip::symbol, Coverage.Skip::reason).containsExactly(
        tuple(".platform/standards/python.md", "Python Standards > Naming", SkipReason.TOO_SHORT),
        tuple("pkg/CONTRIBUTING.md", null, SkipReason.NO_CANDIDATES));
  }

  @Test
  void defaultsReadReadmesDocsFoldersAndDevelopmentGuides() {
    ExtractRun r = ExtractRun.of(new DocsExtractor(), ExtractRun.fixture("docs-defaults"), "");

    assertThat(r.examples()).extracting(e -> e.source().path()).containsExactlyInAnyOrder("README.md",
        "development.md", "docs/howto/deploy.md", "sdk/README.md");
  }

  @Test
  void everyQuestionIsAScenarioAboutTheSectionTopicAndNeverAsksWhatADocumentSays() {
    for (Example e : run().examples()) {
      String q = e.messages().get(1).content();
      String heading = e.source().symbol().substring(e.source().symbol().lastIndexOf(" > ") + 3)
          .replaceAll("^[0-9.]+\\s+|[:?]$", "");
      assertThat(q).as(q).doesNotContain("What does", "Summarize", "Python Standards", "deploy guide")
          .containsIgnoringCase(heading).contains(e.source().repo()).matches("(?s).*\\b(I|I'm|my)\\b.*");
    }
  }

  @Test
  void phrasingIsStableAcrossRuns() {
    assertThat(run().examples()).isEqualTo(run().examples());
  }
}
