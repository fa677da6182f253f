package dev.quarry.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.Repository;
import dev.quarry.extract.goals.ApiMap;
import dev.quarry.extract.goals.GoalsExtractor;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API map seeds: surfaces with few mined examples are handed out first, within the seed's language family. */
class ApiSeedsTest {
  @TempDir
  Path tmp;

  private static final ApiFocus ENDPOINT = new ApiFocus("endpoint", "/v1/tasks/{}", "GET /v1/tasks/{task_id}", "",
      "GET /v1/tasks/{task_id}", "openapi.yaml:9", "Get a task", 0);
  private static final ApiFocus HANDLER = new ApiFocus("handler", "get_task", "get_task(task_id: str)", "python",
      "GET /v1/tasks/{task_id}", "app/tasks.py:12", "Get a task", 0);
  private static final ApiFocus HOOK = new ApiFocus("hook", "useTask", "useTask(taskId: string)", "typescript",
      "GET /v1/tasks/{task_id}", "sdk/hooks.ts:4", "Get a task", 0);

  private Path mined(String... answers) throws Exception {
    Path p = tmp.resolve("mined.jsonl");
    try (JsonlWriter w = JsonlWriter.open(p)) {
      for (String a : answers) {
        w.write(Example.of(List.of(Message.user("Write it."), Message.assistant(a)), "sdk", "python",
            new Source("functions", "demo", "app/x.py", null, null, null)));
      }
      w.commit();
    }
    return p;
  }

  @Test
  void mentionsAreCountedByWordAndByRoute() throws Exception {
    ApiSeeds s = ApiSeeds.of(List.of(ENDPOINT, HANDLER, HOOK), mined(
        "```python\nget_task(1)\n```", "Call GET /v1/tasks/abc-1 first, then get_task.", "get_tasks is another name"));
    assertThat(s.surfaces()).extracting(ApiFocus::examples).containsExactly(1L, 2L, 0L);
  }

  @Test
  void theLeastMentionedSurfaceThatFitsTheLanguageComesFirstAndHandOutsCount() throws Exception {
    ApiSeeds s = ApiSeeds.of(List.of(ENDPOINT, HANDLER, HOOK), mined("get_task(1)", "get_task(2)", "/v1/tasks/7"));
    // mentions: endpoint 1, handler 2, hook 0
    List<String> python = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      python.add(s.next("python").orElseThrow().name());
    }
    // The hook is TypeScript: a Python seed never gets it, however few examples it has.
    assertThat(python).containsExactly("/v1/tasks/{}", "/v1/tasks/{}", "get_task", "/v1/tasks/{}");
    assertThat(s.next("tsx").orElseThrow().name()).isEqualTo("useTask");
    // Text seeds (no language family) may take any surface.
    assertThat(s.next("text")).isPresent();
  }

  @Test
  void withoutSurfacesThereIsNoFocus() throws Exception {
    assertThat(ApiSeeds.of(List.of(), mined("x")).next("python")).isEqualTo(Optional.empty());
    assertThat(ApiSeeds.of(List.of(HOOK), mined("x")).next("python")).isEmpty();
  }

  @Test
  void symbolsFileGivesEndpointTemplatesAndThePlatformsOwnHooks() throws Exception {
    Path symbols = tmp.resolve("symbols.json");
    Files.writeString(symbols, """
        {"format": "quarry-symbols/1", "examples": 3,
         "endpoints": ["/v1", "/v1/tasks", "/v1/tasks/sample-task-id", "/v1/tasks/{}", "/v1/tasks/{}/retry"],
         "hooks": ["useState", "useTask"], "symbols": [], "definitions": ["useTask", "get_task"],
         "modules": [], "identifiers": []}
        """);
    assertThat(ApiSeeds.fromSymbols(symbols)).extracting(f -> f.kind() + " " + f.name())
        .containsExactly("endpoint /v1/tasks", "endpoint /v1/tasks/{}", "endpoint /v1/tasks/{}/retry", "hook useTask");
    assertThat(ApiSeeds.fromSymbols(tmp.resolve("missing.json"))).isEmpty();
  }

  @Test
  void theDemoApiMapGivesEveryKindOfSurfaceWithItsFileAndRoute() {
    Repository demo = Repository.open(Path.of("../examples/acme-platform"));
    ApiMap map = GoalsExtractor.apiMap(demo, QuarryConfig.defaults());
    List<ApiFocus> surfaces = ApiSeeds.fromApiMap(map);
    assertThat(surfaces).extracting(ApiFocus::kind).contains("endpoint", "handler", "sdk-method", "hook", "tool");
    assertThat(surfaces).filteredOn(f -> !f.kind().equals("endpoint")).allSatisfy(f -> {
      assertThat(f.route()).matches("(GET|POST|PUT|PATCH|DELETE) /.*");
      String file = f.where().substring(0, f.where().lastIndexOf(':'));
      assertThat(Files.readString(Path.of("../examples/acme-platform").resolve(file))).contains(f.name());
    });
    assertThat(surfaces).filteredOn(f -> f.kind().equals("hook")).allSatisfy(f ->
        assertThat(f.family()).isEqualTo("typescript"));
    assertThat(surfaces).filteredOn(f -> f.kind().equals("handler")).allSatisfy(f ->
        assertThat(f.family()).isEqualTo("python"));
    assertThat(surfaces).extracting(f -> f.kind() + " " + f.name()).doesNotHaveDuplicates();
  }
}
