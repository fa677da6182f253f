package dev.quarry.dataset.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.dataset.dedup.Resolution;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pass 2 of combine: streams the inputs again in the same order and writes survivors, each with the
 * records it absorbed appended to {@code meta.duplicates}. Absorbed lists are built once as a compact
 * index (survivor to absorbed records), so a survivor met before its duplicates is still complete.
 */
final class SecondPass {
  private final List<Path> inputs;
  private final RecordColumns cols;
  private final Resolution res;
  private final ProgressListener progress;
  private final int[] start;
  private final int[] absorbed;

  SecondPass(List<Path> inputs, RecordColumns cols, Resolution res, ProgressListener progress) {
    this.inputs = inputs;
    this.cols = cols;
    this.res = res;
    this.progress = progress;
    int n = cols.size;
    start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      if (isAbsorbed(i)) {
        start[res.survivor(i) + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    absorbed = new int[start[n]];
    int[] fill = start.clone();
    for (int i = 0; i < n; i++) {
      if (isAbsorbed(i)) {
        absorbed[fill[res.survivor(i)]++] = i;
      }
    }
  }

  /** Writes survivors to {@code out} and malformed lines to {@code rejected} (when not null). */
  long write(Path out, Path rejected) throws IOException {
    progress.start("combine: writing", cols.size);
    try (JsonlWriter w = JsonlWriter.open(out);
         JsonlWriter r = rejected == null ? null : JsonlWriter.open(rejected)) {
      int index = 0;
      for (Path in : inputs) {
        try (Stream<JsonlLine> s = JsonlReader.read(in)) {
          for (JsonlLine l : (Iterable<JsonlLine>) s::iterator) {
            if (l instanceof JsonlLine.Malformed m) {
              r.write(ExampleCodec.toRejectedJson(rejectedObject(m.original()), List.of(m.reason())));
              continue;
            }
            int i = index++;
            if (res.kept(i)) {
              w.write(withDuplicates(((JsonlLine.Parsed) l).example(), i));
            }
            progress.advance(1);
          }
        }
      }
      if (index != cols.size) {
        throw new IllegalStateException("an input changed between the two passes of combine: read " + index
            + " records, expected " + cols.size);
      }
      w.commit();
      if (r != null) {
        r.commit();
      }
      progress.done();
      return w.count();
    }
  }

  private static ObjectNode rejectedObject(JsonNode original) {
    return (ObjectNode) original;
  }

  /**
   * The similarity rounded to 3 decimals without trailing zeros, so that the value reads back and writes
   * out the same (the JSON mapper reads decimals as BigDecimal and normalises {@code 1.0} to {@code 1}):
   * combining an already combined file must give the same bytes.
   */
  private static java.math.BigDecimal similarity(float s) {
    return java.math.BigDecimal.valueOf(Math.round(s * 1000.0), 3).stripTrailingZeros();
  }

  private boolean isAbsorbed(int i) {
    return res.kind(i) == Resolution.EXACT || res.kind(i) == Resolution.NEAR;
  }

  private Example withDuplicates(Example e, int i) {
    if (start[i] == start[i + 1]) {
      return e;
    }
    ObjectNode meta = e.metaCopy();
    JsonNode existing = meta.get("duplicates");
    ArrayNode arr = existing != null && existing.isArray() ? (ArrayNode) existing : meta.putArray("duplicates");
    for (int k = start[i]; k < start[i + 1]; k++) {
      int j = absorbed[k];
      boolean exact = res.kind(j) == Resolution.EXACT;
      arr.addObject()
          .put("id", RecordColumns.formatId(cols.ids[j]))
          .put("source", cols.fileKey(j))
          .put("input", inputs.get(cols.input[j]) + ":" + cols.line[j])
          .put("match", exact ? "exact" : "near")
          .put("similarity", similarity(res.similarity(j)));
    }
    return e.withMeta(meta);
  }
}
