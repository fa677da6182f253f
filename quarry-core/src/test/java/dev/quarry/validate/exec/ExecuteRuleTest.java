package dev.quarry.validate.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.validate.Records;
import dev.quarry.validate.ValidateStage;
import dev.quarry.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execute rule through the validate stage: a passing, a failing, a timing-out, a network-attempting and a
 * file-system-escaping example are classified, skips are not failures, the host is untouched, results are
 * counted in the report and cached.
 */
class ExecuteRuleTest {
  private static final String CONFIG = "validate:\n  execute:\n    enabled: true\n    timeout: 30\n    cpu: 3\n";

  @TempDir
  Path dir;

  private Path repo;
  private Path open;

  @BeforeEach
  void fixtures() throws IOException {
    Sandbox s = Sandbox.probe(SandboxLimits.defaults());
    assumeTrue(s.unavailable().isEmpty(), () -> "no sandbox here: " + s.unavailable().orElse(""));
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
    // The repository must be readable by the sandbox user; JUnit's temp folders are private.
    repo = worldWritable(Files.createTempDirectory("quarry-exec-repo-"));
    Files.createDirectories(repo.resolve("lib"));
    Files.writeString(repo.resolve("lib/acme_util.py"), "def double(x):\n    return 2 * x\n");
    Files.writeString(repo.resolve("lib/newer_syntax.py"), "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n");
    share(repo);
    // Outside /tmp (which the sandbox replaces) and world-writable: only the read-only mounts protect it.
    Files.createDirectories(Path.of("target"));
    open = worldWritable(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "quarry-exec-open-"));
    Files.writeString(open.resolve("victim.txt"), "original");
    share(open);
  }

  @AfterEach
  void cleanUp() {
    Sandbox.delete(repo);
    Sandbox.delete(open);
  }

  private static Path worldWritable(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
    return p;
  }

  private static void share(Path p) throws IOException {
    Sandbox.share(p);
  }

  private static Example example(String symbol, String answer) {
    return Example.of(List.of(Message.system("You are an expert engineer on the Acme platform."),
        Message.user("Write it with a test."), Message.assistant(answer)), "api-client", "python",
        new Source("functions", "acme", "lib/acme_util.py", new LineRange(1, 2), symbol, null));
  }

  private static String py(String code) {
    return "Here it is:\n\n```python\n" + code + "```\n";
  }

  private List<Example> fixture() {
    String calc = "# calc.py\ndef add(a: int, b: int) -> int:\n    return a + b\n";
    return List.of(
        example("pass", py(calc) + "\n" + py("# test_calc.py\nfrom calc import add\n\n\ndef test_add() -> None:\n"
            + "    assert add(1, 2) == 3\n")),
        example("fail", py(calc) + "\n" + py("# test_calc.py\nfrom calc import add\n\n\ndef test_add() -> None:\n"
            + "    assert add(1, 2) == 4\n")),
        example("loop", py("def test_spins() -> None:\n    while True:\n        pass\n")),
        example("network", py("import urllib.request\n\n\ndef test_fetch() -> None:\n"
            + "    urllib.request.urlopen('http://1.1.1.1/', timeout=3)\n")),
        example("escape", py("import pathlib\n\n\ndef test_escape() -> None:\n    pathlib.Path('"
            + open.resolve("victim.txt") + "').write_text('pwned')\n    pathlib.Path('" + open.resolve("new.txt")
            + "').write_text('pwned')\n")),
        example("repo", py("from acme_util import double\n\n\ndef test_double() -> None:\n    assert double(2) == 4\n")),
        example("repo-broken", py("from newer_syntax import nothing\n\n\ndef test_it() -> None:\n"
            + "    assert nothing\n")),
        example("no-test", py("def add(a: int, b: int) -> int:\n    return a + b\n")),
        example("missing", py("import quarry_surely_missing_pkg\n\n\ndef test_it() -> None:\n"
            + "    assert quarry_surely_missing_pkg\n")));
  }

  private ValidationReport run(QuarryConfig cfg) throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"), fixture());
    return new ValidateStage(cfg, false, ProgressListener.NONE).withExecution(repo, dir.resolve("cache"), Set.of())
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
  }

  /** meta.execution of every written record, by symbol. */
  private Map<String, JsonNode> executions() throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    for (String f : List.of("acc.jsonl", "rej.jsonl")) {
      for (String line : Files.readAllLines(dir.resolve(f))) {
        JsonNode n = Json.mapper().readTree(line);
        out.put(n.path("source").path("symbol").asText(), n.path("meta").path("execution"));
      }
    }
    return out;
  }

  @Test
  void classifiesEachExampleAndLeavesTheHostUntouched() throws IOException {
    ValidationReport r = run(ConfigLoader.parse("q.yaml", CONFIG));
    Map<String, JsonNode> ex = executions();
    assertThat(ex.get("pass").path("status").asText()).isEqualTo("passed");
    assertThat(ex.get("repo").path("status").asText()).as("the repository is on PYTHONPATH").isEqualTo("passed");
    assertThat(ex.get("fail").path("status").asText()).isEqualTo("failed");
    assertThat(ex.get("fail").path("reason").asText()).contains("test_calc.py::test_add");
    assertThat(ex.get("loop").path("status").asText()).isEqualTo("timeout");
    assertThat(ex.get("network").path("status").asText()).isEqualTo("failed");
    assertThat(ex.get("network").path("output").asText()).contains("Network is unreachable");
    assertThat(ex.get("escape").path("status").asText()).isEqualTo("failed");
    // Read-only where the folder is visible in the sandbox; invisible (replaced /tmp) or unreachable by the sandbox
    // user when the checkout itself sits under /tmp or in a private folder: the host stays untouched either way.
    assertThat(ex.get("escape").path("output").asText())
        .containsAnyOf("Read-only file system", "No such file or directory", "Permission denied");
    assertThat(ex.get("repo-broken").path("status").asText()).as("the repository, not the example, fails to import")
        .isEqualTo("skipped");
    assertThat(ex.get("repo-broken").path("reason").asText()).contains("does not import here");
    assertThat(ex.get("no-test").path("status").asText()).isEqualTo("skipped");
    assertThat(ex.get("no-test").path("reason").asText()).isEqualTo("no test in the answer");
    assertThat(ex.get("missing").path("status").asText()).isEqualTo("skipped");
    assertThat(ex.get("missing").path("reason").asText()).contains("quarry_surely_missing_pkg");
    assertThat(Files.readString(open.resolve("victim.txt"))).isEqualTo("original");
    assertThat(open.resolve("new.txt")).doesNotExist();
    assertThat(r.rejected()).as("fail, loop, network, escape").isEqualTo(4);
    JsonNode counts = r.toJson().path("execution");
    assertThat(counts.path("executed").asLong()).isEqualTo(6);
    assertThat(counts.path("passed").asLong()).isEqualTo(2);
    assertThat(counts.path("failed").asLong()).isEqualTo(3);
    assertThat(counts.path("timeout").asLong()).isEqualTo(1);
    assertThat(counts.path("skipped").asLong()).isEqualTo(3);
    assertThat(counts.path("by_extractor").path("functions").path("passed").asLong()).isEqualTo(2);
  }

  @Test
  void anUnchangedRerunExecutesNothing() throws IOException {
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", CONFIG);
    run(cfg);
    Map<String, JsonNode> first = executions();
    long start = System.nanoTime();
    run(cfg);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(executions()).isEqualTo(first);
    assertThat(millis).as("the timing-out example alone takes 3 s of CPU when run").isLessThan(3_000);
  }

  @Test
  void isOffUnlessEnabled() throws IOException {
    ValidationReport r = run(QuarryConfig.defaults());
    assertThat(executions().values()).allMatch(JsonNode::isMissingNode);
    assertThat(r.rule("execute")).isEmpty();
    assertThat(r.toJson().has("execution")).isFalse();
  }
}
