package dev.quarry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.export.card.CardInputs;
import dev.quarry.export.card.DatasetCard;
import dev.quarry.export.trainer.TrainConfigs;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of every built-in export, the trainer configs and the dataset card:
 * {@code golden/export/<case>/input/} holds a dataset folder (and optionally {@code quarry.yaml},
 * {@code validation.json}, {@code distribution.json}); {@code expected/} the whole export tree. Each case runs
 * twice and both runs must be byte-identical. Regenerate with {@code -Dquarry.golden.update=true}.
 */
class ExportGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden/export");
  private static final boolean UPDATE = Boolean.getBoolean("quarry.golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void exportMatchesGoldenFilesAndIsReproducible(String name, @TempDir Path tmp) throws IOException {
    Path input = ROOT.resolve(name).resolve("input");
    Path expected = ROOT.resolve(name).resolve("expected");
    assertThat(input).as("case %s has an input/ folder", name).isDirectory();
    Map<String, byte[]> first = run(input, tmp.resolve("a"));
    Map<String, byte[]> second = run(input, tmp.resolve("b"));
    assertThat(second.keySet()).as("files of the second run").isEqualTo(first.keySet());
    first.forEach((f, bytes) -> assertThat(second.get(f)).as("second run of %s", f).isEqualTo(bytes));
    if (UPDATE) {
      update(tmp.resolve("a"), expected);
    }
    assertThat(expected).as("case %s has an expected/ folder (run with -Dquarry.golden.update=true)", name)
        .isDirectory();
    Map<String, byte[]> golden = tree(expected);
    assertThat(first.keySet()).as("files written for case %s", name).isEqualTo(golden.keySet());
    golden.forEach((f, bytes) -> assertThat(new String(first.get(f), StandardCharsets.UTF_8))
        .as("%s/expected/%s", name, f).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
  }

  private static Map<String, byte[]> run(Path input, Path out) throws IOException {
    DatasetSplits splits = DatasetSplits.in(input);
    for (Exporter e : Exporters.builtIns()) {
      e.export(splits, out.resolve(e.format()));
    }
    QuarryConfig cfg = Files.exists(input.resolve("quarry.yaml"))
        ? ConfigLoader.load(input.resolve("quarry.yaml")) : QuarryConfig.defaults();
    ObjectNode distribution = report(input.resolve("distribution.json"));
    for (String t : TrainConfigs.TRAINERS) {
      TrainConfigs.write(t, cfg, distribution, out, out.resolve(t));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    splits.existing().forEach((split, p) -> {
      long n = lines(p);
      if (n > 0) {
        counts.put(split, n);
        files.put(split, "openai/" + split + ".jsonl");
      }
    });
    DatasetCard.write(out.resolve("README.md"), new CardInputs("acme-platform", null, "0.0.0-golden",
        cfg.hash(), "acme-platform", null, counts, files, List.of("openai", "sharegpt", "alpaca"),
        report(input.resolve("validation.json")), distribution));
    return tree(out);
  }

  private static long lines(Path p) {
    try (Stream<String> s = Files.lines(p)) {
      return s.filter(l -> !l.isBlank()).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode report(Path p) throws IOException {
    return Files.exists(p) ? (ObjectNode) Json.mapper().readTree(p.toFile()) : null;
  }

  private static Map<String, byte[]> tree(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
    }
    return out;
  }

  private static void update(Path from, Path expected) throws IOException {
    if (Files.isDirectory(expected)) {
      try (Stream<Path> s = Files.walk(expected)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, byte[]> e : tree(from).entrySet()) {
      Path target = expected.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue());
    }
  }
}
