package dev.quarry.dataset.balance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.CategorySpec;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.QualityScore;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Applies category targets ({@code quarry balance}). A category over its target keeps its first
 * {@code target} records in {@link Selection} order (best quality, spread round-robin across source files);
 * a category under target is left alone, unless {@code allowRepeat > 0}: then records are repeated, in
 * the same order, at most {@code allowRepeat} extra times each, until the target is met. Categories without
 * a target (or not configured) pass through. Output keeps input order; a repeat follows its original and
 * carries {@code meta.repeat = k}.
 *
 * <p>Two streaming passes; memory holds about 30 bytes per record plus each distinct source file once.
 * With {@link #withCoverage}, the deficit plan also lists, per category still short, the source files and
 * symbols of those files that have no example yet.
 */
public final class Balancer {
  private final QuarryConfig config;
  private final int allowRepeat;
  private final ProgressListener progress;
  private final List<Path> coverage;

  /**
   * @param config categories and targets
   * @param allowRepeat extra copies a record may get to fill a deficit, 0 to never repeat
   * @param progress receives progress
   */
  public Balancer(QuarryConfig config, int allowRepeat, ProgressListener progress) {
    this(config, allowRepeat, progress, List.of());
  }

  private Balancer(QuarryConfig config, int allowRepeat, ProgressListener progress, List<Path> coverage) {
    if (allowRepeat < 0) {
      throw new IllegalArgumentException("allowRepeat must be >= 0");
    }
    this.config = config;
    this.allowRepeat = allowRepeat;
    this.progress = progress;
    this.coverage = List.copyOf(coverage);
  }

  /**
   * Uses {@code files} (typically the extractors' raw outputs) as the universe of source files and symbols
   * per category for the deficit plan. Malformed lines in them are skipped.
   */
  public Balancer withCoverage(List<Path> files) {
    return new Balancer(config, allowRepeat, progress, files);
  }

  /**
   * Balances {@code in} into {@code out}.
   *
   * @throws dev.quarry.InputException when {@code in} is missing or has a malformed line
   * @throws IOException when {@code out} cannot be written
   */
  public BalanceReport run(Path in, Path out) throws IOException {
    Columns cols = readColumns(in);
    BitSet removed = new BitSet(cols.size);
    int[] copies = new int[cols.size];
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < cols.size; i++) {
      members.computeIfAbsent(cols.category[i], k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> m : members.entrySet()) {
      int target = config.category(m.getKey()).map(CategorySpec::target).orElse(0);
      int have = m.getValue().size();
      if (target == 0 || have == target || (have < target && allowRepeat == 0)) {
        continue;
      }
      int[] order = Selection.order(m.getValue(), cols.quality, cols.ids, cols.fileKey);
      if (have > target) {
        for (int k = target; k < have; k++) {
          removed.set(order[k]);
        }
      } else {
        int deficit = target - have;
        for (int round = 0; round < allowRepeat && deficit > 0; round++) {
          for (int k = 0; k < order.length && deficit > 0; k++, deficit--) {
            copies[order[k]]++;
          }
        }
      }
    }
    Map<String, Covered> covered = new TreeMap<>();
    for (Map.Entry<String, List<Integer>> m : members.entrySet()) {
      int target = config.category(m.getKey()).map(CategorySpec::target).orElse(0);
      long after = m.getValue().stream().filter(i -> !removed.get(i)).count()
          + m.getValue().stream().mapToLong(i -> copies[i]).sum();
      if (after < target) {
        covered.put(m.getKey(), new Covered());
      }
    }
    long written = write(in, out, removed, copies, covered);
    return report(cols, members, removed, copies, covered, written);
  }

  private Columns readColumns(Path in) {
    Columns c = new Columns();
    progress.start("balance: reading", -1);
    try (Stream<Example> s = JsonlReader.examples(in)) {
      for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
        c.add(it.next());
        progress.advance(1);
      }
    }
    progress.done();
    return c;
  }

  private long write(Path in, Path out, BitSet removed, int[] copies, Map<String, Covered> covered)
      throws IOException {
    progress.start("balance: writing", -1);
    try (JsonlWriter w = JsonlWriter.open(out); Stream<Example> s = JsonlReader.examples(in)) {
      int i = 0;
      for (Iterator<Example> it = s.iterator(); it.hasNext(); i++) {
        Example e = it.next();
        if (removed.get(i)) {
          continue;
        }
        w.write(e);
        Covered cov = covered.get(e.category());
        if (cov != null) {
          cov.add(e);
        }
        for (int k = 1; k <= copies[i]; k++) {
          ObjectNode meta = e.metaCopy();
          meta.put("repeat", k);
          w.write(e.withMeta(meta));
        }
        progress.advance(1);
      }
      w.commit();
      progress.done();
      return w.count();
    }
  }

  private BalanceReport report(Columns cols, Map<String, List<Integer>> members, BitSet removed, int[] copies,
      Map<String, Covered> covered, long written) {
    Map<String, CategoryBalance> per = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(config.categoryNames());
    members.keySet().stream().filter(c -> !order.contains(c)).forEach(order::add);
    long repeatedTotal = Arrays.stream(copies).asLongStream().sum();
    for (String c : order) {
      List<Integer> m = members.getOrDefault(c, List.of());
      long rem = m.stream().filter(removed::get).count();
      long rep = m.stream().mapToLong(i -> copies[i]).sum();
      long target = config.category(c).map(CategorySpec::target).orElse(0);
      long after = m.size() - rem + rep;
      per.put(c, new CategoryBalance(target, m.size(), after, rem, rep, Math.max(0, target - after)));
    }
    DeficitPlan plan = plan(per, covered);
    return new BalanceReport(cols.size, written, removed.cardinality(), repeatedTotal, allowRepeat, per, plan);
  }

  private DeficitPlan plan(Map<String, CategoryBalance> per, Map<String, Covered> covered) {
    Map<String, Map<String, SortedSet<String>>> uncovered = new TreeMap<>();
    per.forEach((c, b) -> {
      if (b.missing() > 0) {
        uncovered.put(c, new TreeMap<>());
      }
    });
    for (Path p : coverage) {
      try (Stream<JsonlLine> s = JsonlReader.read(p)) {
        for (Iterator<JsonlLine> it = s.iterator(); it.hasNext(); ) {
          if (it.next() instanceof JsonlLine.Parsed parsed) {
            Example e = parsed.example();
            Map<String, SortedSet<String>> u = uncovered.get(e.category());
            Covered cov = covered.getOrDefault(e.category(), new Covered());
            if (u != null && !cov.has(e)) {
              SortedSet<String> syms = u.computeIfAbsent(e.source().fileKey(), k -> new TreeSet<>());
              if (e.source().symbol() != null) {
                syms.add(e.source().symbol());
              }
            }
          }
        }
      }
    }
    List<DeficitPlan.Entry> entries = new ArrayList<>();
    per.forEach((c, b) -> {
      if (b.missing() > 0) {
        Covered cov = covered.getOrDefault(c, new Covered());
        entries.add(new DeficitPlan.Entry(c, b.target(), b.after(), b.missing(), cov.files.size(),
            uncovered.get(c)));
      }
    });
    return new DeficitPlan(entries, !coverage.isEmpty());
  }

  /** Source files and (file, symbol) pairs that have an example in one category. */
  private static final class Covered {
    final TreeSet<String> files = new TreeSet<>();
    final TreeSet<String> symbols = new TreeSet<>();

    void add(Example e) {
      files.add(e.source().fileKey());
      symbols.add(e.source().fileKey() + "\u0000" + (e.source().symbol() == null ? "" : e.source().symbol()));
    }

    boolean has(Example e) {
      String sym = e.source().symbol();
      return sym == null ? files.contains(e.source().fileKey())
          : symbols.contains(e.source().fileKey() + "\u0000" + sym);
    }
  }

  /** Per-record columns of pass 1. */
  private static final class Columns {
    long[] ids = new long[1024];
    long[] quality = new long[1024];
    String[] category = new String[1024];
    String[] fileKey = new String[1024];
    int size;
    private final Map<String, String> intern = new HashMap<>();

    void add(Example e) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        quality = Arrays.copyOf(quality, size * 2);
        category = Arrays.copyOf(category, size * 2);
        fileKey = Arrays.copyOf(fileKey, size * 2);
      }
      ids[size] = Long.parseUnsignedLong(e.id(), 2, e.id().length(), 16);
      quality[size] = QualityScore.of(e);
      category[size] = intern.computeIfAbsent(e.category(), k -> k);
      fileKey[size] = intern.computeIfAbsent(e.source().fileKey(), k -> k);
      size++;
    }
  }
}
