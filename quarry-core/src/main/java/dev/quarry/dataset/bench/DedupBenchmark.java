package dev.quarry.dataset.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.DedupSettings;
import dev.quarry.dataset.combine.CombineReport;
import dev.quarry.dataset.combine.Combiner;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times one dedup run and scores near dedup against a generator's ground truth. Peak heap is the sum over
 * heap memory pools of their peak usage since the run started (pools peak at different moments, so this
 * is an upper bound of the true peak, garbage included). Not for unit tests: timings are only comparable
 * within one process on one machine, against the exact-dedup baseline of the same run.
 */
public final class DedupBenchmark {
  private DedupBenchmark() {}

  /**
   * One timed run.
   *
   * @param report the combine report
   * @param seconds wall time
   * @param cpuSeconds CPU time of the whole process during the run (all threads, GC included)
   * @param peakHeapBytes peak heap during the run
   */
  public record Run(CombineReport report, double seconds, double cpuSeconds, long peakHeapBytes) {
    /** {@code {mode, in, out, removed, exact_duplicates, near_duplicates, seconds, peak_heap_mb}}. */
    public ObjectNode toJson() {
      return JsonNodeFactory.instance.objectNode().put("mode", report.mode()).put("in", report.in())
          .put("out", report.out()).put("removed", report.removed())
          .put("exact_duplicates", report.exactDuplicates()).put("near_duplicates", report.nearDuplicates())
          .put("seconds", Math.round(seconds * 100) / 100.0).put("cpu_seconds", Math.round(cpuSeconds * 100) / 100.0)
          .put("peak_heap_mb", peakHeapBytes >> 20);
    }
  }

  /**
   * How a dedup output compares with the planted truth.
   *
   * @param plantedExact exact duplicates planted
   * @param foundExact of which found (same cluster as their base)
   * @param plantedNear near duplicates planted with Jaccard at or above the threshold
   * @param foundNear of which found
   * @param plantedNearBelow near duplicates planted whose edits took them below the threshold
   * @param removed records removed (entries in {@code meta.duplicates})
   * @param truePositives removed records that belong to their survivor's planted group
   */
  public record Score(long plantedExact, long foundExact, long plantedNear, long foundNear, long plantedNearBelow,
      long removed, long truePositives) {
    /** Found share of planted near duplicates at or above the threshold. */
    public double nearRecall() {
      return plantedNear == 0 ? 1 : (double) foundNear / plantedNear;
    }

    /** True positives over removed records. */
    public double precision() {
      return removed == 0 ? 1 : (double) truePositives / removed;
    }

    /** The score as JSON. */
    public ObjectNode toJson() {
      return JsonNodeFactory.instance.objectNode().put("planted_exact", plantedExact).put("found_exact", foundExact)
          .put("planted_near", plantedNear).put("found_near", foundNear)
          .put("planted_near_below_threshold", plantedNearBelow).put("removed", removed)
          .put("true_positives", truePositives)
          .put("near_recall", Math.round(nearRecall() * 10000) / 10000.0)
          .put("precision", Math.round(precision() * 10000) / 10000.0);
    }
  }

  /** Runs combine over {@code in} into {@code out} with {@code mode}, timing it. */
  public static Run run(Path in, Path out, DedupSettings.Mode mode, double threshold, int threads)
      throws IOException {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    CombineReport r = new Combiner(new DedupSettings(mode, threshold), ProgressListener.NONE).withThreads(threads)
        .run(List.of(in), out);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - c0) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Run(r, secs, cpu, peak);
  }

  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** Scores the dedup output {@code out} against the generator's {@code truth} file. */
  public static Score score(Path out, Path truth, double threshold) throws IOException {
    Map<String, String> group = new HashMap<>();
    List<String[]> planted = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split("\t");
          group.put(f[0], f[1]);
          planted.add(f);
        }
      }
    }
    Map<String, String> absorbedBy = new HashMap<>();
    long removed = 0;
    long tp = 0;
    try (Stream<JsonlLine> s = JsonlReader.read(out)) {
      for (JsonlLine l : (Iterable<JsonlLine>) s::iterator) {
        if (l instanceof JsonlLine.Parsed p) {
          String survivor = p.example().id();
          for (JsonNode d : p.example().meta().path("duplicates")) {
            String id = d.path("id").asText();
            absorbedBy.put(id, survivor);
            removed++;
            if (group.getOrDefault(id, id).equals(group.getOrDefault(survivor, survivor))) {
              tp++;
            }
          }
        }
      }
    }
    long plantedExact = 0;
    long foundExact = 0;
    long plantedNear = 0;
    long foundNear = 0;
    long below = 0;
    for (String[] f : planted) {
      boolean found = (absorbedBy.containsKey(f[0]) || absorbedBy.containsKey(f[1]))
          && absorbedBy.getOrDefault(f[0], f[0]).equals(absorbedBy.getOrDefault(f[1], f[1]));
      if (f[2].equals("exact")) {
        plantedExact++;
        foundExact += found ? 1 : 0;
      } else if (Double.parseDouble(f[3]) >= threshold) {
        plantedNear++;
        foundNear += found ? 1 : 0;
      } else {
        below++;
      }
    }
    return new Score(plantedExact, foundExact, plantedNear, foundNear, below, removed, tp);
  }
}
