package dev.quarry.extract.handcrafted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.quarry.extract.Coverage;
import dev.quarry.extract.ExtractRun;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import org.junit.jupiter.api.Test;

class HandcraftedExtractorTest {
  private static final String DIR = "training/handcrafted/";

  private static ExtractRun run() {
    return ExtractRun.of(new HandcraftedExtractor(), ExtractRun.fixture("handcrafted"), "");
  }

  @Test
  void multiTurnMarkdownKeepsEverySectionExactlyAndItsOwnSystemPrompt() {
    Example e = run().examples().stream().filter(x -> x.source().path().endsWith("multi-turn.md")).findFirst().orElseThrow();

    assertThat(e.messages()).extracting(Message::role)
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
    assertThat(e.messages().get(0).content()).isEqualTo("You review Python tests.");
    assertThat(e.messages().get(2).content()).isEqualTo("Use `yield` in the fixture:\n\n```python\nimport pytest\n\n"
        + "@pytest.fixture\ndef workdir(tmp_path):\n    yield tmp_path\n    # ## User inside a code block is not a section\n```");
    assertThat(e.finalAnswer()).isEqualTo("Give it `scope=\"module\"`.");
    assertThat(e.source().extractor()).isEqualTo("handcrafted");
    assertThat(e.source().lines()).isEqualTo(new LineRange(9, 36));
    assertThat(e.category()).isEqualTo("testing");
    assertThat(e.meta().get("category_rule").asText()).isEqualTo("explicit");
    assertThat(e.language()).isEqualTo("python");
    assertThat(e.tags()).containsExactly("handcrafted", "pytest", "fixtures");
  }

  @Test
  void markdownWithoutSystemSectionGetsTheConfiguredPromptAndFolderCategory() {
    Example e = run().examples().stream().filter(x -> x.source().path().endsWith("indexes.md")).findFirst().orElseThrow();

    assertThat(e.systemPrompt()).isEqualTo(ExtractRun.SYSTEM);
    assertThat(e.messages()).hasSize(3);
    assertThat(e.category()).isEqualTo("database");
    assertThat(e.meta().get("category_rule").asText()).isEqualTo("folder:database");
    assertThat(e.language()).isEqualTo("sql");
    assertThat(e.source().lines()).isEqualTo(new LineRange(1, 9));
  }

  @Test
  void templateExpandsOncePerVarsEntryWithTheEntrysLines() {
    ExtractRun r = run();

    assertThat(r.examples()).filteredOn(x -> x.source().path().endsWith("endpoints.yaml"))
        .extracting(x -> x.source().symbol(), x -> x.source().lines())
        .containsExactly(tuple("vars[0]", new LineRange(13, 14)), tuple("vars[1]", new LineRange(15, 16)));
    Example first = r.bySymbol("vars[0]");
    assertThat(first.messages().get(1).content())
        .isEqualTo("Write a FastAPI endpoint that returns the user with the given id.");
    assertThat(first.finalAnswer()).contains("@router.get(\"/users/{item_id}\")", "async def get_user(item_id: str) -> User:");
    assertThat(first.category()).isEqualTo("api-endpoints");
    assertThat(first.language()).isEqualTo("python");
    assertThat(first.tags()).containsExactly("handcrafted", "fastapi");
  }

  @Test
  void everyUnusableFileOrEntryIsASkipNamingFileAndLine() {
    Coverage.Report c = run().coverage();

    assertThat(c.filesScanned()).isEqualTo(8);
    assertThat(c.written()).isEqualTo(4);
    assertThat(c.skips()).extracting(s -> s.path().substring(DIR.length()), Coverage.Skip::reason)
        .containsExactly(
            tuple("misc/bad-front-matter.md", SkipReason.PARSE_ERROR),
            tuple("misc/broken-order.md", SkipReason.INCOMPLETE),
            tuple("misc/endpoints.yaml", SkipReason.INCOMPLETE),
            tuple("misc/no-template.yml", SkipReason.PARSE_ERROR),
            tuple("misc/notes.md", SkipReason.NO_CANDIDATES),
            tuple("misc/unknown-category.md", SkipReason.INCOMPLETE));
    assertThat(c.skips().get(1).detail()).endsWith("broken-order.md:line 1: expected ## User but found ## Assistant");
    assertThat(c.skips().get(2).detail()).isEqualTo(DIR + "misc/endpoints.yaml:9: variable \"model\" is not defined "
        + "(vars entry at line 18) (add it to the entry or fix the placeholder)");
    assertThat(c.skips().get(2).symbol()).isEqualTo("vars[2]");
    assertThat(c.skips().get(5).detail()).contains("category \"cooking\" is not configured");
  }

  @Test
  void configuredPathsReplaceTheDefaults() {
    ExtractRun r = ExtractRun.of(new HandcraftedExtractor(), ExtractRun.fixture("handcrafted"),
        "extractors:\n  handcrafted:\n    paths: [\"**/database/*.md\"]\n");

    assertThat(r.examples()).extracting(x -> x.source().path()).containsExactly(DIR + "database/indexes.md");
  }
}
