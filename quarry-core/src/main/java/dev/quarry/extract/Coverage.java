package dev.quarry.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one extractor did: files scanned, candidates found, examples written, and every skip with its reason.
 * Mutable, filled by one extractor on one thread; {@link #snapshot()} gives the immutable report value.
 */
public final class Coverage {
  /** One skipped file or candidate. */
  public record Skip(String path, String symbol, SkipReason reason, String detail) {}

  /**
   * The immutable report of one extractor.
   *
   * @param extractor extractor id
   * @param filesScanned files the extractor looked at
   * @param candidates candidates found (operations, functions, tests, sections …)
   * @param written examples written
   * @param skipsByReason number of skips per reason code, sorted
   * @param skips every skip, in the order they happened
   */
  public record Report(String extractor, long filesScanned, long candidates, long written,
      Map<String, Long> skipsByReason, List<Skip> skips) {
    /** Copies collections. */
    public Report {
      skipsByReason = java.util.Collections.unmodifiableMap(new TreeMap<>(skipsByReason));
      skips = List.copyOf(skips);
    }
  }

  private final String extractor;
  private long filesScanned;
  private long candidates;
  private long written;
  private final List<Skip> skips = new ArrayList<>();

  /** A coverage recorder for extractor {@code extractor}. */
  public Coverage(String extractor) {
    this.extractor = extractor;
  }

  /** One more file was looked at. */
  public void fileScanned() {
    filesScanned++;
  }

  /** {@code n} more candidates were found. */
  public void candidates(long n) {
    candidates += n;
  }

  /** One more example was written. */
  public void written() {
    written++;
  }

  /** {@code n} fewer examples were written than counted (a budget dropped them after the fact). */
  public void unwritten(long n) {
    written -= n;
  }

  /** A file or candidate was skipped. {@code symbol} may be null for a whole file. */
  public void skip(String path, String symbol, SkipReason reason, String detail) {
    skips.add(new Skip(path, symbol, reason, detail == null ? "" : detail));
  }

  /** The report so far. */
  public Report snapshot() {
    Map<String, Long> by = new TreeMap<>();
    for (Skip s : skips) {
      by.merge(s.reason().code(), 1L, Long::sum);
    }
    return new Report(extractor, filesScanned, candidates, written, by, skips);
  }
}
