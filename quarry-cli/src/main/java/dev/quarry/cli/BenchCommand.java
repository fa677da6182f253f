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
 * {@code quarry bench generate|dedup|extract|validate}: makes a corpus with planted duplicates, and times exact and near
 * dedup on it (exact first, as the baseline of the same process), scoring near dedup against the truth; times
 * extraction against a read-and-parse floor, and validation against read + JSON and read + JSON + parse floors. Measurements go to stdout (dedup's always as JSON, extract's as
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
    throw new CommandLine.ParameterException(spec.commandLine(), "a bench command is required: generate, dedup, extract or validate");
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
          .put("ratio", res.ratio()).put("floor_cpu_seconds", res.floorCpuSeconds())
          .put("extract_cpu_seconds", res.extractCpuSeconds()).put("cpu_ratio", res.cpuRatio())));
      return QuarryCli.OK;
    }
    terminal.out().printf(Locale.ROOT, "source files %d, %.2f MB; %d examples%n", res.files(), res.bytes() / 1e6,
        res.examples());
    terminal.out().printf(Locale.ROOT, "floor (read + parse): %.2f s, %.2f MB/s%n", res.floorSeconds(),
        res.floorMbPerSecond());
    terminal.out().printf(Locale.ROOT, "extract (all extractors): %.2f s, %.2f MB/s = %.0f %% of the floor%n",
        res.extractSeconds(), res.extractMbPerSecond(), 100 * res.ratio());
    terminal.out().printf(Locale.ROOT, "process CPU time: floor %.2f s, extract %.2f s = %.0f %% of the floor%n",
        res.floorCpuSeconds(), res.extractCpuSeconds(), 100 * res.cpuRatio());
    return QuarryCli.OK;
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Times validation with every configured rule against two floors measured in the same "
          + "process: read + JSON, and read + JSON + one tree-sitter parse of every code block; prints records/s "
          + "and the share of each floor, at every --threads count, and the peak RSS.")
  int validate(
      @Parameters(paramLabel = "IN.jsonl", arity = "0..*", description = "Records to validate (default: a "
          + "generated corpus of --records records)") List<Path> inputs,
      @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml") Path config,
      @Option(names = "--records", defaultValue = "20000", paramLabel = "N") long records,
      @Option(names = "--rounds", defaultValue = "2", paramLabel = "N") int rounds,
      @Option(names = "--threads", split = ",", paramLabel = "N[,N]", description = "Thread counts to time "
          + "validation at (default: 1 and the processor count)") List<Integer> threads,
      @Option(names = "--work", paramLabel = "DIR", description = "Where outputs go (default: a temporary folder)")
      Path work,
      @Mixin CommonOptions common) throws Exception {
    Path dir = work != null ? work : Files.createTempDirectory("quarry-bench-validate");
    List<Path> in = inputs == null ? List.of() : inputs;
    if (in.isEmpty()) {
      if (records < 1) {
        throw new UsageException("--records " + records + " is not positive", "give the number of records to generate");
      }
      Path corpus = dir.resolve("corpus.jsonl");
      new CorpusGenerator(42, 0.05, 0.05).generate(records, corpus, dir.resolve("corpus.truth.tsv"));
      in = List.of(corpus);
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    List<Integer> counts = threads != null && !threads.isEmpty() ? threads
        : cpus > 1 ? List.of(1, cpus) : List.of(1);
    for (int n : counts) {
      if (n < 1) {
        throw new UsageException("--threads " + n + " is not positive", "give thread counts of 1 or more");
      }
    }
    dev.quarry.validate.ValidateBenchmark.Result res = new dev.quarry.validate.ValidateBenchmark(
        dev.quarry.config.ConfigLoader.resolve(Path.of("."), config)).run(in, dir.resolve("out"), rounds, counts);
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("records", res.records()).put("bytes", res.bytes())
        .put("code_blocks", res.blocks()).put("parsed_blocks", res.parsedBlocks());
    json.putObject("floor_json").put("seconds", res.jsonSeconds()).put("cpu_seconds", res.jsonCpuSeconds())
        .put("records_per_cpu_s", Math.round(res.perSecond(res.jsonCpuSeconds())));
    json.putObject("floor_parse").put("seconds", res.parseSeconds()).put("cpu_seconds", res.parseCpuSeconds())
        .put("records_per_cpu_s", Math.round(res.perSecond(res.parseCpuSeconds())));
    ArrayNode runs = json.putArray("validate");
    for (dev.quarry.validate.ValidateBenchmark.Run r : res.runs()) {
      runs.addObject().put("threads", r.threads()).put("seconds", r.seconds()).put("cpu_seconds", r.cpuSeconds())
          .put("records_per_s", Math.round(res.perSecond(r.seconds())))
          .put("records_per_cpu_s", Math.round(res.perSecond(r.cpuSeconds())))
          .put("share_of_parse_floor_cpu", Math.round(res.parseCpuSeconds() / r.cpuSeconds() * 1000) / 1000.0)
          .put("share_of_parse_floor_wall", Math.round(res.parseSeconds() / r.seconds() * 1000) / 1000.0)
          .put("share_of_json_floor_cpu", Math.round(res.jsonCpuSeconds() / r.cpuSeconds() * 1000) / 1000.0);
    }
    ObjectNode byRule = json.putObject("rule_cpu_seconds_one_thread");
    res.ruleSeconds().forEach((id, sec) -> byRule.put(id, Math.round(sec * 1000) / 1000.0));
    json.put("peak_rss_mb", peakRssMb());
    if (common.json) {
      terminal.out().println(Json.pretty().writeValueAsString(json));
      return QuarryCli.OK;
    }
    terminal.out().printf(Locale.ROOT, "%d records, %.1f MB, %d code blocks (%d parsed)%n", res.records(),
        res.bytes() / 1e6, res.blocks(), res.parsedBlocks());
    terminal.out().println("CPU time is the measure (this thread's, or the process's with several threads): it "
        + "stays comparable when other jobs load the machine; wall time beside it.");
    terminal.out().printf(Locale.ROOT, "floor read + JSON:                 %8.2f s CPU %8.2f s wall %9.0f records/s%n",
        res.jsonCpuSeconds(), res.jsonSeconds(), res.perSecond(res.jsonCpuSeconds()));
    terminal.out().printf(Locale.ROOT, "floor read + JSON + parse blocks:  %8.2f s CPU %8.2f s wall %9.0f records/s%n",
        res.parseCpuSeconds(), res.parseSeconds(), res.perSecond(res.parseCpuSeconds()));
    for (dev.quarry.validate.ValidateBenchmark.Run r : res.runs()) {
      terminal.out().printf(Locale.ROOT, "validate, %d thread%s, all rules:%s %8.2f s CPU %8.2f s wall %9.0f records/s "
          + "per CPU s = %.1f %% of the parse floor (%.1f %% of read + JSON); %.0f records/s wall%n", r.threads(),
          r.threads() == 1 ? "" : "s", r.threads() == 1 ? " " : "", r.cpuSeconds(), r.seconds(),
          res.perSecond(r.cpuSeconds()), 100 * res.parseCpuSeconds() / r.cpuSeconds(),
          100 * res.jsonCpuSeconds() / r.cpuSeconds(), res.perSecond(r.seconds()));
    }
    double total = res.ruleSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
    terminal.out().println("CPU time by rule (one thread; the first rule to ask for a tree pays its parse):");
    res.ruleSeconds().entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .forEach(en -> terminal.out().printf(Locale.ROOT, "  %-20s %8.2f s %5.1f %%%n", en.getKey(), en.getValue(),
            total > 0 ? 100 * en.getValue() / total : 0));
    terminal.out().printf(Locale.ROOT, "peak RSS %d MB%n", peakRssMb());
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
