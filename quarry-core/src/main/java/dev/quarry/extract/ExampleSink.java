package dev.quarry.extract;

import dev.quarry.io.Hashing;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one extractor's examples go: straight to its writer, or, under a {@code max_examples} budget, into a
 * bounded sample that keeps the examples with the smallest SHA-256 of their id (stable under re-runs) and is
 * written in extraction order by {@link #finish()}. Memory is bounded by the budget, not the repository.
 */
final class ExampleSink {
  private final JsonlWriter writer;
  private final int budget;
  private final ExtractContext ctx;
  private final TreeMap<String, Object[]> kept = new TreeMap<>();
  private long index;
  private long written;

  ExampleSink(JsonlWriter writer, int budget, ExtractContext ctx) {
    this.writer = writer;
    this.budget = budget;
    this.ctx = ctx;
  }

  void accept(Example e) {
    if (budget <= 0) {
      writer.write(e);
      written++;
      return;
    }
    String key = Hashing.sha256(e.id()) + e.id() + String.format("%019d", index);
    kept.put(key, new Object[] {index++, e});
    if (kept.size() > budget) {
      Map.Entry<String, Object[]> dropped = kept.pollLastEntry();
      Example d = (Example) dropped.getValue()[1];
      ctx.coverage().skip(d.source().path(), d.source().symbol(), SkipReason.OVER_BUDGET, "max_examples " + budget);
      ctx.coverage().unwritten(1);
    }
  }

  /** Writes the sample (when budgeted) and returns how many examples were written. */
  long finish() {
    if (budget > 0) {
      List<Object[]> inOrder = new ArrayList<>(kept.values());
      inOrder.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
      inOrder.forEach(o -> writer.write((Example) o[1]));
      written = inOrder.size();
      kept.clear();
    }
    return written;
  }
}
