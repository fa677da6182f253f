package dev.quarry.dataset.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.dataset.dedup.Resolution;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

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
  long write(Path out, Path rejected, ExecutorService pool, int maxInFlight) throws IOException {
    progress.start("combine: writing", cols.size);
    long[] written = new long[1];
    try (AtomicFile w = AtomicFile.create(out); AtomicFile r = rejected == null ? null : AtomicFile.create(rejected)) {
      LinePipeline.run(inputs, pool, maxInFlight, this::render, res -> {
        w.out().write(res.out);
        if (r != null) {
          r.out().write(res.rejected);
        }
        written[0] += res.records;
        progress.advance(res.lines);
      });
      w.commit();
      if (r != null) {
        r.commit();
      }
    }
    progress.done();
    return written[0];
  }

  private Rendered render(LinePipeline.Batch b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.lines().length * 2048);
    ByteArrayOutputStream rej = new ByteArrayOutputStream();
    int records = 0;
    try {
      for (int k = 0; k < b.lines().length; k++) {
        byte[] raw = b.lines()[k];
        int i = indexOf(b.input(), b.lineNos()[k]);
        if (i >= 0 && !res.kept(i)) {
          continue;
        }
        if (i >= 0 && cols.canonical.get(i) && start[i] == start[i + 1]) {
          // Validated in pass 1 and already in canonical form: copy the bytes, skip parse and print.
          int from = LineParser.start(b.lineNos()[k], raw);
          out.write(raw, from, LineParser.end(from, raw) - from);
          out.write('\n');
          records++;
          continue;
        }
        JsonlLine l = LineParser.parse(b.file(), b.lineNos()[k], raw,
            !(b.lastUnterminated() && k == b.lines().length - 1));
        if (l instanceof JsonlLine.Malformed m) {
          Json.mapper().writeValue(rej, ExampleCodec.toRejectedJson((ObjectNode) m.original(), List.of(m.reason())));
          rej.write('\n');
        } else if (l instanceof JsonlLine.Parsed p) {
          if (i < 0) {
            throw new IllegalStateException(b.file() + ":" + l.line() + " changed between the passes of combine");
          }
          Json.mapper().writeValue(out, ExampleCodec.toJson(withDuplicates(p.example(), i)));
          out.write('\n');
          records++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(out.toByteArray(), rej.toByteArray(), records, b.lines().length);
  }

  /** The record index of a line, or -1 when pass 1 found no record there: (input, line) ascend with index. */
  private int indexOf(int input, long line) {
    int lo = 0;
    int hi = cols.size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = cols.input[mid] != input ? Integer.compare(cols.input[mid], input) : Long.compare(cols.line[mid], line);
      if (c == 0) {
        return mid;
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  private record Rendered(byte[] out, byte[] rejected, int records, int lines) {}

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
