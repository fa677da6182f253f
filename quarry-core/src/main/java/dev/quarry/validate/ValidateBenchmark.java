package dev.quarry.validate;

import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.syntax.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures validation against two floors measured in the same process (BENCHMARKS.md): reading and parsing
 * every record (JSON to {@link Example}), and that plus finding every fenced code block and parsing each one
 * that has a grammar once with tree-sitter — the least work any syntax-aware validation must do. Validation
 * runs every active rule and writes the accepted and rejects files, at each requested thread count. The floors
 * run on one thread, so the one-thread validation is the like-for-like ratio. Not a test: run it from
 * {@code quarry bench validate}.
 */
public final class ValidateBenchmark {
  /**
   * One validation run.
   *
   * @param threads worker threads
   * @param seconds best wall time over the rounds
   * @param cpuSeconds CPU time of the best round (the calling thread's with one thread, the process's with more)
   */
  public record Run(int threads, double seconds, double cpuSeconds) {}

  /**
   * One measurement.
   *
   * @param records records read (valid lines)
   * @param bytes input size
   * @param blocks code blocks found
   * @param parsedBlocks blocks with a grammar, parsed by the second floor
   * @param jsonSeconds best time of read + JSON
   * @param parseSeconds best time of read + JSON + one parse of every block
   * @param jsonCpuSeconds CPU time of the best read + JSON round (one thread)
   * @param parseCpuSeconds CPU time of the best read + JSON + parse round (one thread)
   * @param runs validation at each thread count
   * @param ruleSeconds time each active rule took in one single-threaded profiling pass (rule id to seconds,
   *     in rule order; a rule that first asks for a syntax tree pays its parse)
   */
  public record Result(long records, long bytes, long blocks, long parsedBlocks, double jsonSeconds,
      double parseSeconds, double jsonCpuSeconds, double parseCpuSeconds, List<Run> runs, java.util.Map<String, Double> ruleSeconds) {
    /** Records per second of a time. */
    public double perSecond(double seconds) {
      return records / seconds;
    }
  }

  private final QuarryConfig config;

  /** A benchmark with the rules configured by {@code config}. */
  public ValidateBenchmark(QuarryConfig config) {
    this.config = config;
  }

  /**
   * Runs one untimed warm-up of every side, then {@code rounds} timed rounds of each, keeping the best.
   *
   * @param work a folder for validation's accepted and rejects files
   * @param threadCounts the thread counts validation is timed at
   */
  public Result run(List<Path> inputs, Path work, int rounds, List<Integer> threadCounts) throws IOException {
    long[] counts = floor(inputs, false);
    long[] parsed = floor(inputs, true);
    validate(inputs, work, threadCounts.get(0));
    Timed json = Timed.NONE;
    Timed parse = Timed.NONE;
    Timed[] best = new Timed[threadCounts.size()];
    java.util.Arrays.fill(best, Timed.NONE);
    for (int r = 0; r < rounds; r++) {
      json = json.min(time(1, () -> floor(inputs, false)));
      parse = parse.min(time(1, () -> floor(inputs, true)));
      for (int i = 0; i < threadCounts.size(); i++) {
        int n = threadCounts.get(i);
        best[i] = best[i].min(time(n, () -> validate(inputs, work, n)));
      }
    }
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < threadCounts.size(); i++) {
      runs.add(new Run(threadCounts.get(i), best[i].wall(), best[i].cpu()));
    }
    long bytes = 0;
    for (Path p : inputs) {
      bytes += Files.size(p);
    }
    return new Result(counts[0], bytes, parsed[1], parsed[2], json.wall(), parse.wall(), json.cpu(), parse.cpu(),
        List.copyOf(runs), byRule(inputs));
  }

  private interface Work {
    Object go() throws IOException;
  }

  /** Wall and CPU seconds of one round; {@link #min} keeps the round with the lower wall time. */
  private record Timed(double wall, double cpu) {
    static final Timed NONE = new Timed(Double.MAX_VALUE, Double.MAX_VALUE);

    Timed min(Timed o) {
      return o.wall < wall ? o : this;
    }
  }

  /**
   * Times {@code w}: wall time, and CPU time — of this thread when the work runs on it alone ({@code threads}
   * 1), else of the whole process — which stays comparable on a machine other jobs are loading.
   */
  private static Timed time(int threads, Work w) throws IOException {
    long c0 = cpu(threads);
    long t0 = System.nanoTime();
    w.go();
    return new Timed((System.nanoTime() - t0) / 1e9, (cpu(threads) - c0) / 1e9);
  }

  private static long cpu(int threads) {
    if (threads == 1) {
      return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** One single-threaded pass that times every active rule on every record. */
  private java.util.Map<String, Double> byRule(List<Path> inputs) throws IOException {
    ActiveRules rules = ActiveRules.of(config, Rules.all());
    long[] nanos = new long[rules.active().size()];
    RecordValidator v = new RecordValidator(rules, new RuleContext(config), false, nanos);
    for (Path input : inputs) {
      try (Stream<JsonlLine> lines = JsonlReader.read(input)) {
        Iterator<JsonlLine> it = lines.iterator();
        while (it.hasNext()) {
          if (it.next() instanceof JsonlLine.Parsed p) {
            v.validate(p.example());
          }
        }
      }
    }
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nanos.length; i++) {
      out.put(rules.active().get(i).rule().id(), nanos[i] / 1e9);
    }
    return java.util.Collections.unmodifiableMap(out);
  }


  /** Reads every record, and with {@code parse} parses every code block once; returns {records, blocks, parsed}. */
  private static long[] floor(List<Path> inputs, boolean parse) throws IOException {
    long records = 0;
    long blocks = 0;
    long parsed = 0;
    for (Path input : inputs) {
      try (Stream<JsonlLine> lines = JsonlReader.read(input)) {
        Iterator<JsonlLine> it = lines.iterator();
        while (it.hasNext()) {
          JsonlLine line = it.next();
          if (!(line instanceof JsonlLine.Parsed)) {
            continue;
          }
          records++;
          if (!parse) {
            continue;
          }
          Example e = ((JsonlLine.Parsed) line).example();
          for (int i = 0; i < e.messages().size(); i++) {
            for (CodeBlock b : CodeBlocks.of(i, e.messages().get(i).content())) {
              blocks++;
              if (b.grammar().isPresent()) {
                try (SourceTree t = SourceTree.parse(b.grammar().get(), CodeSource.of(b))) {
                  parsed += t.byteLength() >= 0 ? 1 : 0;
                }
              }
            }
          }
        }
      }
    }
    return new long[] {records, blocks, parsed};
  }

  private Object validate(List<Path> inputs, Path work, int threads) throws IOException {
    Files.createDirectories(work);
    return new ValidateStage(config, false, ProgressListener.NONE, threads)
        .run(inputs, work.resolve("accepted.jsonl"), work.resolve("rejected.jsonl"));
  }
}
