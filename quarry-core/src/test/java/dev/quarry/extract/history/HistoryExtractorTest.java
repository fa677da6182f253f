package dev.quarry.extract.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Coverage;
import dev.quarry.extract.ExtractRun;
import dev.quarry.io.ExampleCodec;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.rules.AttributionRule;
import dev.quarry.validate.rules.ExtractionRedactor;
import dev.quarry.validate.rules.SecretsRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryExtractorTest {
  static final Path DEMO = Path.of("../examples/acme-platform");
  static final String BUNDLE = "extractors:\n  history: {bundle: history/acme-platform.bundle}\n";
  /** The planted key, split so that no file of Quarry holds it whole. */
  static final String PLANTED_KEY = "AKIA" + "Q7LZ4XW2M6RTB3PD";

  @TempDir
  Path tmp;

  private static ExtractRun demo() {
    return ExtractRun.of(new HistoryExtractor(), DEMO, BUNDLE);
  }

  private static Map<String, Long> kinds(ExtractRun run) {
    Map<String, Long> out = new TreeMap<>();
    run.examples().forEach(e -> out.merge(e.meta().path("history").path("kind").asText(), 1L, Long::sum));
    return out;
  }

  @Test
  void demoHistoryYieldsEditFixFollowUpAndReviewExamplesWithProvenance() {
    ExtractRun run = demo();
    assertThat(kinds(run)).containsOnlyKeys("edit", "fix", "follow-up", "review");
    for (Example e : run.examples()) {
      assertThat(e.source().extractor()).isEqualTo("history");
      assertThat(e.meta().path("history").path("commit").asText()).hasSize(40);
      assertThat(e.meta().path("history").path("parent").asText()).hasSize(40);
      assertThat(e.meta().path("history").path("paths").get(0).asText()).isEqualTo(e.source().path());
      assertThat(e.tags()).contains("history");
    }
  }

  @Test
  void atLeastFifteenPercentOfDemoHistoryExamplesAreMultiTurn() {
    ExtractRun run = demo();
    long multi = run.examples().stream().filter(e -> e.messages().size() > 3).count();
    assertThat(multi * 100 / run.examples().size()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void fixWithATestAsksForTheRegressionTestInASecondTurn() {
    Example fix = demo().examples().stream()
        .filter(e -> e.meta().path("history").path("kind").asText().equals("fix"))
        .filter(e -> e.source().path().equals("backend/app/ratelimit.py")).findFirst().orElseThrow();
    List<Message> m = fix.messages();
    assertThat(m).hasSize(5);
    assertThat(m.get(1).content()).contains("TokenBucket losing tokens").contains("def allow(self)");
    assertThat(m.get(2).content()).contains("```diff").contains("+        elapsed = max(0.0, now - self.updated)");
    assertThat(m.get(4).content()).contains("backend/tests/test_ratelimit.py")
        .contains("def test_bucket_never_goes_negative_when_the_clock_steps_back");
  }

  @Test
  void reviewCommentComesFromTheLaterCommitThatRewroteTheLines() {
    Example review = demo().examples().stream()
        .filter(e -> e.meta().path("history").path("kind").asText().equals("review")).findFirst().orElseThrow();
    assertThat(review.messages().get(1).content()).contains("+        if len(self._items) >= self.size:");
    assertThat(review.finalAnswer()).contains("Fix QueryCache evicting an entry before it is full")
        .contains("+        if len(self._items) > self.size:");
    assertThat(review.meta().path("history").path("follow_up_lines").toString()).isEqualTo("[27,27]");
  }

  @Test
  void everySkippedCommitIsReportedWithItsReason() {
    Coverage.Report c = demo().coverage();
    assertThat(c.skipsByReason()).containsEntry("merge-commit", 1L).containsEntry("revert", 1L)
        .containsEntry("bot", 1L).containsEntry("formatting-only", 1L).containsEntry("no-history", 1L)
        .containsEntry("not-an-instruction", 1L);
    assertThat(c.candidates()).isEqualTo(15);
    assertThat(c.skips()).allSatisfy(s -> assertThat(s.path()).startsWith("commit "));
  }

  @Test
  void plantedTrailerIsRemovedBeforeItBecomesAPromptThoughTheAttributionRuleSeesTheRawMessage() throws Exception {
    ExtractRun run = demo();
    for (Example e : run.examples()) {
      String json = ExampleCodec.toJson(e).toString();
      assertThat(json).doesNotContain("Copilot").doesNotContain("Co-Authored-By").doesNotContain("Cursor");
    }
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "-q", DEMO.resolve("history/acme-platform.bundle").toAbsolutePath().toString(), clone.toString());
    String raw = git(clone, "log", "-1", "--format=%B", "HEAD~7");
    assertThat(raw).contains("Co-Authored-By: GitHub Copilot");
    Example asIs = Example.of(List.of(Message.user("Do it."), Message.assistant(raw)), "sdk", "text",
        new Source("history", "demo", "x.py", null, null, null));
    List<Finding> found = new AttributionRule().check(asIs, new RuleContext(QuarryConfig.defaults())).toList();
    assertThat(found).extracting(Finding::rule).contains("attribution");
  }

  @Test
  void plantedSecretIsRedactedAtExtractionAndItsRecordRejectedBySecretsRule() {
    ExtractionRedactor redactor = new ExtractionRedactor(QuarryConfig.defaults());
    List<Example> redacted = demo().examples().stream().map(redactor).toList();
    Example planted = redacted.stream().filter(e -> e.source().path().equals("backend/app/gateway_keys.py"))
        .findFirst().orElseThrow();
    for (Example e : redacted) {
      assertThat(ExampleCodec.toJson(e).toString()).doesNotContain(PLANTED_KEY);
    }
    assertThat(planted.meta().path(ExtractionRedactor.META).size()).isEqualTo(2);
    assertThat(new SecretsRule().check(planted, new RuleContext(QuarryConfig.defaults())).toList())
        .extracting(Finding::rule).contains("secrets");
  }

  @Test
  void sameHistoryGivesByteIdenticalExamples() {
    List<String> a = demo().examples().stream().map(e -> ExampleCodec.toJson(e).toString()).toList();
    List<String> b = demo().examples().stream().map(e -> ExampleCodec.toJson(e).toString()).toList();
    assertThat(a).isEqualTo(b).isNotEmpty();
  }

  @Test
  void folderWithoutGitHistoryYieldsNothingAndSaysWhy() throws IOException {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("a.py"), "x = 1\n");
    ExtractRun run = ExtractRun.of(new HistoryExtractor(), plain, "");
    assertThat(run.examples()).isEmpty();
    assertThat(run.coverage().skips()).singleElement().satisfies(s -> {
      assertThat(s.reason().code()).isEqualTo("no-history");
      assertThat(s.detail()).contains("not a git work tree");
    });
  }

  @Test
  void folderInsideAnotherWorkTreeDoesNotWalkThatProjectsHistory() {
    ExtractRun run = ExtractRun.of(new HistoryExtractor(), DEMO, "");
    assertThat(run.examples()).isEmpty();
    assertThat(run.coverage().skips()).singleElement()
        .satisfies(s -> assertThat(s.detail()).contains("folder inside the git work tree"));
  }

  @Test
  void shallowCloneWorksAndSaysItIsShallow() throws Exception {
    Path full = tmp.resolve("full");
    git(tmp, "clone", "-q", DEMO.resolve("history/acme-platform.bundle").toAbsolutePath().toString(), full.toString());
    Path shallow = tmp.resolve("shallow");
    git(tmp, "clone", "-q", "--depth", "6", "file://" + full.toAbsolutePath(), shallow.toString());
    ExtractRun run = ExtractRun.of(new HistoryExtractor(), shallow, "");
    assertThat(run.coverage().skips()).anySatisfy(s -> assertThat(s.detail()).contains("shallow clone"));
    assertThat(run.examples()).isNotEmpty();
  }

  @Test
  void detachedHeadWalksFromTheCheckedOutCommit() throws Exception {
    Path clone = tmp.resolve("detached");
    git(tmp, "clone", "-q", DEMO.resolve("history/acme-platform.bundle").toAbsolutePath().toString(), clone.toString());
    git(clone, "checkout", "-q", "--detach", "HEAD~7");
    ExtractRun run = ExtractRun.of(new HistoryExtractor(), clone, "");
    assertThat(run.coverage().candidates()).isEqualTo(8);
    assertThat(run.examples()).isNotEmpty();
  }

  @Test
  void maxCommitsAndPathsBoundTheWalk() {
    ExtractRun run = ExtractRun.of(new HistoryExtractor(), DEMO,
        "extractors:\n  history: {bundle: history/acme-platform.bundle, max_commits: 4, paths: [\"sdk/**\"]}\n");
    assertThat(run.coverage().candidates()).isEqualTo(4);
    assertThat(run.examples()).allSatisfy(e -> assertThat(e.source().path()).startsWith("sdk/"));
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
    return out;
  }
}
