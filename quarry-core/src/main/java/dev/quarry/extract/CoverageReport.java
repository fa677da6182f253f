package dev.quarry.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coverage report of an extraction as JSON: what the repository walk left out and why, then per extractor
 * the files scanned, candidates found, examples written, skips by reason and every skip. Deterministic: the same
 * inputs give the same bytes (no absolute paths, no times). Stateless.
 */
public final class CoverageReport {
  private CoverageReport() {}

  /** The report as a JSON tree. */
  public static ObjectNode json(Repository repo, List<Coverage.Report> reports) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode walk = root.putObject("repository");
    walk.put("name", repo.name());
    walk.put("commit", repo.commit().orElse(null));
    walk.put("entries_seen", repo.entriesSeen());
    walk.put("files_kept", repo.files().size());
    byReason(walk.putObject("skips_by_reason"), repo.skipped());
    skips(walk.putArray("skips"), repo.skipped());
    ArrayNode xs = root.putArray("extractors");
    for (Coverage.Report r : reports) {
      ObjectNode x = xs.addObject();
      x.put("id", r.extractor());
      x.put("files_scanned", r.filesScanned());
      x.put("candidates", r.candidates());
      x.put("written", r.written());
      ObjectNode by = x.putObject("skips_by_reason");
      r.skipsByReason().forEach(by::put);
      skips(x.putArray("skips"), r.skips());
    }
    return root;
  }

  /** Writes the report to {@code file} atomically, pretty-printed. */
  public static void write(Path file, Repository repo, List<Coverage.Report> reports) throws IOException {
    AtomicFile.writeString(file, Json.pretty().writeValueAsString(json(repo, reports)) + "\n");
  }

  /** One line per extractor: {@code openapi: 28 written of 30 candidates from 2 files; skipped: parse-error 2}. */
  public static String summaryLine(Coverage.Report r) {
    StringBuilder sb = new StringBuilder(r.extractor()).append(": ").append(r.written()).append(" written of ")
        .append(r.candidates()).append(" candidates from ").append(r.filesScanned()).append(" files");
    if (!r.skipsByReason().isEmpty()) {
      sb.append("; skipped:");
      r.skipsByReason().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
    }
    return sb.toString();
  }

  private static void byReason(ObjectNode out, List<Coverage.Skip> skips) {
    Map<String, Long> by = new TreeMap<>();
    skips.forEach(s -> by.merge(s.reason().code(), 1L, Long::sum));
    by.forEach(out::put);
  }

  private static void skips(ArrayNode out, List<Coverage.Skip> skips) {
    for (Coverage.Skip s : skips) {
      ObjectNode o = out.addObject();
      o.put("path", s.path());
      if (s.symbol() != null) {
        o.put("symbol", s.symbol());
      }
      o.put("reason", s.reason().code());
      o.put("detail", s.detail());
    }
  }
}
