package dev.quarry.dataset.split;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The records actually in {@code DIR/{train,validation,test}.jsonl}, counted per split and category. Steps after
 * {@link Splitter} (decontamination of held-out records, dropping synthetic train records that overlap held-out)
 * remove records, so every count a build or {@code quarry split} reports is taken from the files, not from the
 * {@link SplitReport} of the split itself.
 *
 * @param perSplit records per split (every split present, 0 when its file is absent)
 * @param perCategory per category (sorted by name): records per split
 */
public record SplitCounts(Map<SplitName, Long> perSplit, Map<String, Map<SplitName, Long>> perCategory) {

  /** Copies the maps (sorted). */
  public SplitCounts {
    perSplit = Collections.unmodifiableMap(new EnumMap<>(perSplit));
    TreeMap<String, Map<SplitName, Long>> pc = new TreeMap<>();
    perCategory.forEach((k, v) -> pc.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
    perCategory = Collections.unmodifiableMap(pc);
  }

  /**
   * Counts the split files of {@code dir}, streaming (memory grows with the number of categories only).
   *
   * @throws dev.quarry.InputException on a malformed line
   */
  public static SplitCounts of(Path dir) throws IOException {
    Map<SplitName, Long> per = new EnumMap<>(SplitName.class);
    Map<String, Map<SplitName, Long>> cats = new TreeMap<>();
    for (SplitName s : SplitName.values()) {
      per.put(s, 0L);
      Path f = dir.resolve(s.fileName());
      if (!Files.exists(f)) {
        continue;
      }
      try (Stream<Example> in = JsonlReader.examples(f)) {
        in.forEach(e -> {
          per.merge(s, 1L, Long::sum);
          cats.computeIfAbsent(e.category(), k -> new EnumMap<>(SplitName.class)).merge(s, 1L, Long::sum);
        });
      }
    }
    return new SplitCounts(per, cats);
  }

  private static boolean sameCounts(ObjectNode a, ObjectNode b) {
    for (SplitName s : SplitName.values()) {
      if (a.path(s.wire()).asLong() != b.path(s.wire()).asLong()) {
        return false;
      }
    }
    return true;
  }

  /** Records over all splits. */
  public long total() {
    return perSplit.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records in one split. */
  public long size(SplitName s) {
    return perSplit.getOrDefault(s, 0L);
  }

  /**
   * Makes a split report's JSON ({@link SplitReport#toJson}) state these counts: {@code out}, {@code removed}
   * ({@code in - out}), {@code splits} and {@code categories} are replaced; what the splitter itself assigned
   * stays under {@code assigned: {train, validation, test}} when it differs.
   *
   * @return {@code json}, changed in place
   */
  public ObjectNode applyTo(ObjectNode json) {
    ObjectNode assigned = json.path("splits").isObject() ? ((ObjectNode) json.get("splits")).deepCopy() : null;
    long in = json.path("in").asLong(total());
    json.put("out", total()).put("removed", in - total());
    ObjectNode splits = json.putObject("splits");
    for (SplitName s : SplitName.values()) {
      splits.put(s.wire(), size(s));
    }
    if (assigned != null && !sameCounts(assigned, splits)) {
      json.set("assigned", assigned);
    }
    SplitReport.putCategories(json, perCategory);
    return json;
  }
}
