package dev.quarry.dataset.decontaminate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a {@link Decontaminator} run did. Always {@code in == out + removed}, and {@code removed} equals the
 * number of {@code records}.
 *
 * @param n words per n-gram
 * @param threshold overlap share at which a record is dropped
 * @param in records read from the filtered file(s)
 * @param out records written
 * @param removed records dropped
 * @param records every dropped record with its overlap, in file and line order
 */
public record DecontaminationReport(int n, double threshold, long in, long out, long removed,
    List<ContaminatedRecord> records) {
  /** Copies the list; checks the counts. */
  public DecontaminationReport {
    records = List.copyOf(records);
    if (in != out + removed || removed != records.size()) {
      throw new IllegalStateException("decontamination counts do not add up");
    }
  }

  /** The sum of two runs (same settings); records concatenated. */
  public DecontaminationReport plus(DecontaminationReport o) {
    List<ContaminatedRecord> all = new java.util.ArrayList<>(records);
    all.addAll(o.records);
    return new DecontaminationReport(n, threshold, in + o.in, out + o.out, removed + o.removed, all);
  }

  /**
   * The report as JSON: {@code stage}, {@code n}, {@code threshold}, {@code in}, {@code out},
   * {@code removed}, {@code records: [{id, input, overlap}]}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stage", "decontaminate").put("n", n).put("threshold", threshold).put("in", in).put("out", out)
        .put("removed", removed);
    ArrayNode arr = o.putArray("records");
    records.forEach(r -> arr.addObject().put("id", r.id()).put("input", r.input())
        .put("overlap", Math.round(r.overlap() * 1000) / 1000.0));
    return o;
  }
}
