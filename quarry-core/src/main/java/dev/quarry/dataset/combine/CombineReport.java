package dev.quarry.dataset.combine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.dataset.decontaminate.ContaminatedRecord;
import java.util.List;

/**
 * What {@link Combiner#run} did. Always {@code in == out + removed} and
 * {@code removed == malformed + exactDuplicates + nearDuplicates + contaminated}.
 *
 * @param mode dedup mode wire name ({@code none}, {@code exact}, {@code near})
 * @param threshold Jaccard threshold of near mode
 * @param in record lines read over all inputs (malformed lines included)
 * @param out records written
 * @param removed records not written
 * @param malformed lines that were not valid records (written to the rejected file)
 * @param exactDuplicates records removed as exact duplicates
 * @param nearDuplicates records removed as near (not exact) duplicates
 * @param contaminated records removed for n-gram overlap with an evaluation set
 * @param clusters duplicate clusters (survivors that absorbed at least one record)
 * @param inputs per input file: path as given and record lines read, in input order
 * @param contamination one entry per contaminated record (empty without decontamination)
 */
public record CombineReport(String mode, double threshold, long in, long out, long removed, long malformed,
    long exactDuplicates, long nearDuplicates, long contaminated, long clusters, List<InputCount> inputs,
    List<ContaminatedRecord> contamination) {

  /** Lines read from one input. @param path as given @param records record lines read */
  public record InputCount(String path, long records) {}

  /** Copies lists; checks the count invariants. */
  public CombineReport {
    inputs = List.copyOf(inputs);
    contamination = List.copyOf(contamination);
    if (in != out + removed || removed != malformed + exactDuplicates + nearDuplicates + contaminated) {
      throw new IllegalStateException("combine counts do not add up: in=" + in + " out=" + out + " removed="
          + removed);
    }
  }

  /**
   * The report as JSON: {@code stage}, {@code mode}, {@code threshold}, {@code in}, {@code out},
   * {@code removed}, {@code malformed}, {@code exact_duplicates}, {@code near_duplicates},
   * {@code contaminated}, {@code clusters}, {@code inputs: [{path, records}]},
   * {@code contamination: [{id, input, overlap}]}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stage", "combine").put("mode", mode).put("threshold", threshold).put("in", in).put("out", out)
        .put("removed", removed).put("malformed", malformed).put("exact_duplicates", exactDuplicates)
        .put("near_duplicates", nearDuplicates).put("contaminated", contaminated).put("clusters", clusters);
    ArrayNode ins = o.putArray("inputs");
    inputs.forEach(i -> ins.addObject().put("path", i.path()).put("records", i.records()));
    ArrayNode cs = o.putArray("contamination");
    contamination.forEach(c -> cs.addObject().put("id", c.id()).put("input", c.input())
        .put("overlap", Math.round(c.overlap() * 1000) / 1000.0));
    return o;
  }
}
