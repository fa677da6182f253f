package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.io.Json;
import dev.quarry.validate.rules.SecretsAttackCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets attack corpus planted in a small repository and built: every planted file is caught at
 * extraction, and no planted value appears in clear in any file under the output folder.
 */
class SecretsAttackBuildTest {
  @TempDir
  static Path tmp;

  static List<SecretsAttackCorpus.Planted> planted;
  static Path out;

  @BeforeAll
  static void build() throws IOException {
    planted = SecretsAttackCorpus.generate(new Random(SecretsAttackCorpus.seed()));
    Path repo = tmp.resolve("repo");
    for (SecretsAttackCorpus.Planted p : planted) {
      Path f = repo.resolve(p.path());
      Files.createDirectories(f.getParent());
      Files.writeString(f, p.text(), StandardCharsets.UTF_8);
    }
    // The same templates in the fields a hand-written example fills: front-matter tags and the user's message.
    for (int i = 0; i < planted.size(); i++) {
      SecretsAttackCorpus.Planted p = planted.get(i);
      Path dir = repo.resolve("training/handcrafted");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("tag-" + i + ".md"), "---\ncategory: standards\ntags: ["
          + Json.mapper().writeValueAsString(p.text()) + "]\n---\n## User\n\nHow do we add two numbers (" + i
          + ")?\n\n## Assistant\n\nWith `a + b`; the tags of this example say where it came from.\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("user-" + i + ".md"), "## User\n\nThis is our setup:\n\n" + p.text()
          + "\n\nHow do we add two numbers?\n\n## Assistant\n\nWith `a + b`, whatever the setup (" + i + ").\n",
          StandardCharsets.UTF_8);
    }
    Files.writeString(repo.resolve("README.md"), "# Attack repo\n\nPlanted secrets for Quarry's tests.\n");
    // Clean code too, so that the build does not end with every record rejected.
    Files.writeString(repo.resolve("app/clean.py"), """
        def add(a: int, b: int) -> int:
            \"\"\"The sum of two integers.\"\"\"
            return a + b


        def scale(values: list[float], factor: float) -> list[float]:
            \"\"\"Every value multiplied by factor.\"\"\"
            return [v * factor for v in values]


        def clamp(x: float, lo: float, hi: float) -> float:
            \"\"\"x limited to the range [lo, hi].\"\"\"
            if lo > hi:
                raise ValueError("lo must not exceed hi")
            return max(lo, min(hi, x))
        """, StandardCharsets.UTF_8);
    out = tmp.resolve("out");
    new BuildPipeline(ProgressListener.NONE).run(repo, null, out);
  }

  @Test
  void everyPlantedFileIsRedactedAtExtraction() throws IOException {
    TreeSet<String> redacted = new TreeSet<>();
    TreeSet<String> extracted = new TreeSet<>();
    try (Stream<Path> files = Files.list(out.resolve("extracted"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          JsonNode n = Json.mapper().readTree(line);
          String path = n.path("source").path("path").asText();
          extracted.add(path);
          if (n.path("meta").has("redacted_secrets")) {
            redacted.add(path);
          }
        }
      }
    }
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < planted.size(); i++) {
      SecretsAttackCorpus.Planted p = planted.get(i);
      // A config file (.yml, .ini, .json, .env) is mined by no extractor; its templates reach build through the
      // docs and handcrafted copies, and the leak test below greps every output for its values anyway.
      boolean mined = p.path().endsWith(".py") || p.path().endsWith(".md");
      if (!redacted.contains(p.path()) && (mined || extracted.contains(p.path()))) {
        missed.add(p.family() + " " + p.path() + (extracted.contains(p.path()) ? " (extracted, not redacted)" : " (never extracted)"));
      }
      for (String copy : List.of("tag-", "user-")) {
        String path = "training/handcrafted/" + copy + i + ".md";
        if (!redacted.contains(path)) {
          missed.add(p.family() + " " + p.path() + " as " + path + (extracted.contains(path) ? " (not redacted)" : " (never extracted)"));
        }
      }
    }
    assertThat(missed).isEmpty();
  }

  @Test
  void noPlantedValueAppearsInClearInAnyOutputFile() throws IOException {
    List<String> leaks = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (SecretsAttackCorpus.Planted p : planted) {
        for (String v : p.checked()) {
          if (text.contains(v)) {
            leaks.add(out.relativize(f) + ": " + p.family() + " value " + v.substring(0, 4) + "…");
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
