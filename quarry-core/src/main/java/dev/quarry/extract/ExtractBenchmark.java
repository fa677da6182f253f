package dev.quarry.extract;

import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures extraction throughput against a floor measured in the same process (BENCHMARKS.md): the floor reads
 * every source file that has a grammar and parses it once with tree-sitter, doing nothing else; extraction runs
 * every enabled extractor over the same repository and writes their files. Both are reported in MB/s of source
 * read, so their ratio says how much the extractors cost beyond one parse. Not a test: run it from
 * {@code quarry bench extract}.
 */
public final class ExtractBenchmark {
  /**
   * One measurement.
   *
   * @param files source files with a grammar
   * @param bytes their total size
   * @param floorSeconds best time of the floor over the rounds
   * @param extractSeconds best time of extraction over the rounds
   * @param examples examples the extractors wrote
   * @param floorCpuSeconds process CPU time of the best floor round
   * @param extractCpuSeconds process CPU time of the best extraction round
   */
  public record Result(long files, long bytes, double floorSeconds, double extractSeconds, long examples,
      double floorCpuSeconds, double extractCpuSeconds) {
    /** Floor throughput, MB/s (10^6 bytes). */
    public double floorMbPerSecond() {
      return bytes / 1e6 / floorSeconds;
    }

    /** Extraction throughput, MB/s of source. */
    public double extractMbPerSecond() {
      return bytes / 1e6 / extractSeconds;
    }

    /** Extraction throughput as a share of the floor's (wall time). */
    public double ratio() {
      return floorSeconds / extractSeconds;
    }

    /**
     * Extraction throughput as a share of the floor's in process CPU time, which stays comparable when other
     * jobs load the machine.
     */
    public double cpuRatio() {
      return floorCpuSeconds / extractCpuSeconds;
    }
  }

  private final QuarryConfig config;

  /** A benchmark with the extractors configured by {@code config}. */
  public ExtractBenchmark(QuarryConfig config) {
    this.config = config;
  }

  /**
   * Runs one untimed warm-up of each side, then {@code rounds} alternating timed rounds; keeps the best of each.
   *
   * @param work a folder for the extractors' output, emptied between rounds
   */
  public Result run(Repository repo, Path work, int rounds) throws IOException {
    long[] size = floor(repo);
    long examples = extract(repo, work);
    double bestFloor = Double.MAX_VALUE;
    double bestExtract = Double.MAX_VALUE;
    double floorCpu = 0;
    double extractCpu = 0;
    for (int i = 0; i < rounds; i++) {
      long c0 = cpu();
      long t0 = System.nanoTime();
      floor(repo);
      double wall = (System.nanoTime() - t0) / 1e9;
      if (wall < bestFloor) {
        bestFloor = wall;
        floorCpu = (cpu() - c0) / 1e9;
      }
      c0 = cpu();
      t0 = System.nanoTime();
      extract(repo, work);
      wall = (System.nanoTime() - t0) / 1e9;
      if (wall < bestExtract) {
        bestExtract = wall;
        extractCpu = (cpu() - c0) / 1e9;
      }
    }
    return new Result(size[0], size[1], bestFloor, bestExtract, examples, floorCpu, extractCpu);
  }

  private static long cpu() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Reads and parses every source file once; returns {files, bytes}. */
  private static long[] floor(Repository repo) throws IOException {
    long files = 0;
    long bytes = 0;
    for (RepoFile f : repo.files()) {
      Optional<Grammar> g = Grammar.forPath(f.path());
      if (g.isEmpty()) {
        continue;
      }
      String text;
      try {
        text = repo.read(f);
      } catch (IOException e) {
        continue;
      }
      try (SourceTree t = SourceTree.parse(g.get(), text)) {
        bytes += t.byteLength();
        files++;
      }
    }
    return new long[] {files, bytes};
  }

  private long extract(Repository repo, Path work) throws IOException {
    delete(work);
    return new ExtractStage(config, ProgressListener.NONE).run(repo, work, List.of()).stream()
        .mapToLong(ExtractStage.Output::examples).sum();
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
