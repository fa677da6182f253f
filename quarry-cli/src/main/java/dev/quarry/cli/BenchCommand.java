package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.config.DedupSettings;
import dev.quarry.dataset.bench.CorpusGenerator;
import dev.quarry.dataset.bench.DedupBenchmark;
import dev.quarry.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry bench generate|dedup|extract}: makes a corpus with planted duplicates, and times exact and near
 * dedup on it (exact first, as the baseline of the same process), scoring near dedup against the truth; times
 * extraction against a read-and-parse floor. Measurements go to stdout (dedup's always as JSON, extract's as
 * JSON with {@code --json}); {@code generate}'s summary follows {@code --quiet}/{@code --json} like every verb.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: generate a corpus with planted duplicates; time dedup and extraction against baselines.")
final class BenchCommand implements Runnable {
  private final Terminal terminal;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  BenchCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a bench command is required: generate, dedup or extract");
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Writes N records of about 2 KB with planted exact and near duplicates, and the truth "
          + "(dup_id, base_id, kind, jaccard) beside it.")
  int generate(
      @Parameters(paramLabel = "N", description = "Number of records.") long n,
      @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.jsonl") Path out,
      @Option(names = "--seed", defaultValue = "42", paramLabel = "S") long seed,
      @Option(names = "--truth", paramLabel = "TRUTH.tsv", description = "Default: FILE.jsonl.truth.tsv") Path truth,
      @Option(names = "--exact-share", defaultValue = "0.05", paramLabel = "SHARE") double exactShare,
      @Option(names = "--near-share", defaultValue = "0.05", paramLabel = "SHARE") double nearShare,
      @Mixin CommonOptions common)
      throws Exception {
    if (n < 1) {
      throw new UsageException("N " + n + " is not positive", "give the number of records to generate");
    }
    Path t = truth != null ? truth : out.resolveSibling(out.getFileName() + ".truth.tsv");
    long t0 = System.nanoTime();
    CorpusGenerator.Counts c = new CorpusGenerator(seed, exactShare, nearShare).generate(n, out, t);
    double seconds = (System.nanoTime() - t0) / 1e9;
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("output", out.toString()).put("truth", t.toString())
        .put("records", c.records()).put("exact_duplicates", c.exact()).put("near_duplicates", c.near())
        .put("seconds", Math.round(seconds * 10) / 10.0);
    Summary.print(terminal, common, json, String.format(Locale.ROOT, "quarry: wrote %d records (%d exact and %d near "
        + "duplicates planted) to %s in %.1f s; truth in %s", c.records(), c.exact(), c.near(), out, seconds, t));
    return QuarryCli.OK;
  }

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = "Times extraction of REPO against a floor measured in the same process (read every source "
          + "file and parse it once with tree-sitter) and prints both in MB/s of source.")
  int extract(
      @Parameters(paramLabel = "REPO") Path repo,
      @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml") Path config,
      @Option(names = "--rounds", defaultValue = "3", paramLabel = "N") int rounds,
      @Option(names = "--work", paramLabel = "DIR", description = "Where extractor output goes (default: a temporary folder)")
      Path work,
      @Mixin CommonOptions common) throws Exception {
    dev.quarry.extract.Repository r = dev.quarry.extract.Repository.open(repo);
    Path dir = work != null ? work : Files.createTempDirectory("quarry-bench-extract");
    dev.quarry.extract.ExtractBenchmark.Result res = new dev.quarry.extract.ExtractBenchmark(
        dev.quarry.config.ConfigLoader.resolve(repo, config)).run(r, dir, rounds);
    if (common.json) {
      terminal.out().println(Json.pretty().writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("files", res.files()).put("bytes", res.bytes()).put("examples", res.examples())
          .put("floor_seconds", res.floorSeconds()).put("floor_mb_per_s", res.floorMbPerSecond())
          .put("extract_seconds", res.extractSeconds()).put("extract_mb_per_s", res.extractMbPerSecond())
          .put("ratio", res.ratio())));
      return QuarryCli.OK;
    }
    terminal.out().printf(Locale.ROOT, "source files %d, %.2f MB; %d examples%n", res.files(), res.bytes() / 1e6,
        res.examples());
    terminal.out().printf(Locale.ROOT, "floor (read + parse): %.2f s, %.2f MB/s%n", res.floorSeconds(),
        res.floorMbPerSecond());
    terminal.out().printf(Locale.ROOT, "extract (all extractors): %.2f s, %.2f MB/s = %.0f %% of the floor%n",
        res.extractSeconds(), res.extractMbPerSecond(), 100 * res.ratio());
    return QuarryCli.OK;
  }

  @Command(name = "dedup", mixinStandardHelpOptions = true,
      description = "Times exact dedup (the baseline) and near dedup on FILE, prints time and peak heap, and "
          + "scores near dedup against the truth file when present.")
  int dedup(
      @Parameters(paramLabel = "FILE.jsonl") Path in,
      @Option(names = "--truth", paramLabel = "TRUTH.tsv", description = "Default: FILE.jsonl.truth.tsv") Path truth,
      @Option(names = "--mode", defaultValue = "both", paramLabel = "MODE", description = "exact, near or both") String mode,
      @Option(names = "--threshold", defaultValue = "0.8", paramLabel = "J") double threshold,
      @Option(names = "--threads", paramLabel = "N") Integer threads,
      @Option(names = "--work", paramLabel = "DIR", description = "Where outputs go (default: beside FILE)") Path work,
      @Option(names = "--warmup", defaultValue = "20000", paramLabel = "LINES", description = "First run every "
          + "mode untimed on this many leading lines, so neither mode pays JIT warm-up (default: ${DEFAULT-VALUE}).")
      int warmup,
      @Mixin CommonOptions common)
      throws Exception {
    List<DedupSettings.Mode> modes = switch (mode) {
      case "exact" -> List.of(DedupSettings.Mode.EXACT);
      case "near" -> List.of(DedupSettings.Mode.NEAR);
      case "both" -> List.of(DedupSettings.Mode.EXACT, DedupSettings.Mode.NEAR);
      default -> throw new UsageException("--mode \"" + mode + "\" is not valid", "use exact, near or both");
    };
    Path dir = work != null ? work : in.toAbsolutePath().getParent();
    Path t = truth != null ? truth : in.resolveSibling(in.getFileName() + ".truth.tsv");
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("input", in.toString()).put("threads", n).put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    if (warmup > 0) {
      Path head = dir.resolve(in.getFileName() + ".warmup.jsonl");
      try (java.util.stream.Stream<String> lines = Files.lines(in)) {
        Files.write(head, (Iterable<String>) lines.limit(warmup)::iterator);
      }
      for (DedupSettings.Mode m : modes) {
        DedupBenchmark.run(head, dir.resolve(head.getFileName() + "." + m.wire() + ".out.jsonl"), m, threshold, n);
      }
    }
    ArrayNode runs = json.putArray("runs");
    List<DedupBenchmark.Run> done = new ArrayList<>();
    for (DedupSettings.Mode m : modes) {
      Path out = dir.resolve(in.getFileName() + "." + m.wire() + ".out.jsonl");
      DedupBenchmark.Run r = DedupBenchmark.run(in, out, m, threshold, n);
      done.add(r);
      ObjectNode rj = r.toJson();
      if (Files.isRegularFile(t)) {
        rj.set("score", DedupBenchmark.score(out, t, threshold).toJson());
      }
      runs.add(rj);
    }
    if (done.size() == 2) {
      json.put("near_over_exact_time", Math.round(done.get(1).seconds() / done.get(0).seconds() * 100) / 100.0);
    }
    json.put("peak_rss_mb", peakRssMb());
    terminal.out().println(Json.pretty().writeValueAsString(json));
    return QuarryCli.OK;
  }

  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
