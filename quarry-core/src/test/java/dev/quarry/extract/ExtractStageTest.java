package dev.quarry.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Hashing;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractStageTest {
  private static final String BUDGET = "extractors:\n  handcrafted:\n    max_examples: 3\n";

  @TempDir
  Path tmp;

  Path repo;

  @BeforeEach
  void layout() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    for (int i = 0; i < 10; i++) {
      addExample(i);
    }
  }

  private void addExample(int i) throws IOException {
    Path f = repo.resolve("training/handcrafted/ex" + i + ".md");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "## User\nQuestion number " + i + "?\n\n## Assistant\nAnswer number " + i + ".\n");
  }

  private List<String> ids(Path file) {
    List<String> out = new ArrayList<>();
    try (Stream<JsonlLine> lines = JsonlReader.read(file)) {
      lines.forEach(l -> out.add(((JsonlLine.Parsed) l).example().id()));
    }
    return out;
  }

  private List<ExtractStage.Output> run(String yaml, Path out) throws IOException {
    QuarryConfig config = ConfigLoader.parse("quarry.yaml", yaml);
    return new ExtractStage(config, ProgressListener.NONE).run(Repository.open(repo), out, List.of("handcrafted"));
  }

  @Test
  void budgetKeepsTheExamplesWithTheSmallestIdHashes() throws IOException {
    List<ExtractStage.Output> all = run("extractors:\n  handcrafted:\n    max_examples: 0\n", tmp.resolve("all"));
    List<ExtractStage.Output> some = run(BUDGET, tmp.resolve("some"));

    List<String> every = ids(all.get(0).file());
    List<String> expected = every.stream().sorted(Comparator.comparing(Hashing::sha256)).limit(3).toList();
    assertThat(ids(some.get(0).file())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(some.get(0).examples()).isEqualTo(3);
    Coverage.Report c = some.get(0).coverage();
    assertThat(c.written()).isEqualTo(3);
    assertThat(c.candidates()).isEqualTo(10);
    assertThat(c.skipsByReason()).containsEntry("over-budget", 7L);
  }

  @Test
  void budgetSampleIsStableUnderReRunsAndChangesLittleWhenAFileIsAdded() throws IOException {
    List<String> first = ids(run(BUDGET, tmp.resolve("a")).get(0).file());
    List<String> again = ids(run(BUDGET, tmp.resolve("b")).get(0).file());
    addExample(10);
    List<String> grown = ids(run(BUDGET, tmp.resolve("c")).get(0).file());

    assertThat(again).isEqualTo(first);
    assertThat(grown.stream().filter(first::contains).count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void coverageReportIsByteIdenticalAcrossRuns() throws IOException {
    Repository r1 = Repository.open(repo);
    Repository r2 = Repository.open(repo);
    QuarryConfig config = ConfigLoader.parse("quarry.yaml", BUDGET);
    List<ExtractStage.Output> o1 = new ExtractStage(config, ProgressListener.NONE).run(r1, tmp.resolve("x"), List.of());
    List<ExtractStage.Output> o2 = new ExtractStage(config, ProgressListener.NONE).run(r2, tmp.resolve("y"), List.of());
    ExtractStage.writeCoverage(tmp.resolve("c1.json"), r1, o1);
    ExtractStage.writeCoverage(tmp.resolve("c2.json"), r2, o2);

    assertThat(Files.readString(tmp.resolve("c1.json"))).isEqualTo(Files.readString(tmp.resolve("c2.json")))
        .contains("\"id\" : \"handcrafted\"", "\"over-budget\" : 7", "\"files_kept\" : 10");
  }

  @Test
  void aFileThatVanishesAfterTheWalkIsAnUnreadableSkip() throws IOException {
    Repository r = Repository.open(repo);
    r.files();
    Files.delete(repo.resolve("training/handcrafted/ex3.md"));
    QuarryConfig config = QuarryConfig.defaults();

    List<ExtractStage.Output> out = new ExtractStage(config, ProgressListener.NONE).run(r, tmp.resolve("o"),
        List.of("handcrafted"));

    assertThat(out.get(0).examples()).isEqualTo(9);
    assertThat(out.get(0).coverage().skips()).extracting(Coverage.Skip::path, Coverage.Skip::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("training/handcrafted/ex3.md", SkipReason.UNREADABLE));
  }

  @Test
  void aHandlerMinedAsARouteIsNotMinedAgainAsAFunction() throws IOException {
    Path app = repo.resolve("app/items.py");
    Files.createDirectories(app.getParent());
    Files.writeString(app, String.join("\n",
        "from fastapi import APIRouter",
        "",
        "router = APIRouter()",
        "",
        "",
        "@router.get(\"/items/{item_id}\")",
        "async def read_item(item_id: int) -> dict:",
        "    \"\"\"Return one item by its id.\"\"\"",
        "    item = {\"id\": item_id}",
        "    return item",
        "",
        "",
        "def price_with_tax(price: float, rate: float = 0.2) -> float:",
        "    \"\"\"Return the price with tax added.\"\"\"",
        "    total = price * (1 + rate)",
        "    return round(total, 2)",
        ""));
    QuarryConfig config = QuarryConfig.defaults();

    List<ExtractStage.Output> out = new ExtractStage(config, ProgressListener.NONE).run(Repository.open(repo),
        tmp.resolve("o"), List.of("routes", "functions"));

    ExtractStage.Output functions = out.stream().filter(o -> o.extractor().equals("functions")).findFirst().orElseThrow();
    ExtractStage.Output routes = out.stream().filter(o -> o.extractor().equals("routes")).findFirst().orElseThrow();
    assertThat(routes.examples()).isEqualTo(1);
    List<String> symbols = new ArrayList<>();
    try (Stream<JsonlLine> lines = JsonlReader.read(functions.file())) {
      lines.forEach(l -> symbols.add(((JsonlLine.Parsed) l).example().source().symbol()));
    }
    assertThat(symbols).containsExactly("price_with_tax");
    assertThat(functions.examples()).isEqualTo(1);
    assertThat(functions.coverage().written()).isEqualTo(1);
    assertThat(functions.coverage().skips()).extracting(Coverage.Skip::symbol, Coverage.Skip::reason)
        .contains(org.assertj.core.groups.Tuple.tuple("read_item", SkipReason.MINED_ELSEWHERE));
  }
}
