package dev.quarry.dataset.split;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link Splitter#run} did. Nothing is dropped: {@code in == out} and {@code removed == 0}, with
 * {@code out == train + validation + test}.
 *
 * @param seed the seed used
 * @param validationShare requested validation share
 * @param testShare requested test share
 * @param in records read
 * @param train records in train.jsonl
 * @param validation records in validation.jsonl
 * @param test records in test.jsonl
 * @param groups distinct source files ({@code Source.fileKey()})
 * @param perCategory per category (sorted by name): examples per split
 * @param notes categories that could not be split as asked, with the reason, sorted by category
 */
public record SplitReport(long seed, double validationShare, double testShare, long in, long train,
    long validation, long test, long groups, Map<String, Map<SplitName, Long>> perCategory,
    Map<String, String> notes) {

  /** Copies maps (sorted); checks the counts. */
  public SplitReport {
    TreeMap<String, Map<SplitName, Long>> pc = new TreeMap<>();
    perCategory.forEach((k, v) -> pc.put(k, Collections.unmodifiableMap(new java.util.EnumMap<>(v))));
    perCategory = Collections.unmodifiableMap(pc);
    notes = Collections.unmodifiableMap(new TreeMap<>(notes));
    if (in != train + validation + test) {
      throw new IllegalStateException("split counts do not add up: " + in + " != " + train + "+" + validation
          + "+" + test);
    }
  }

  /** Records written over all splits (equal to {@link #in}). */
  public long out() {
    return train + validation + test;
  }

  /** Always 0: splitting drops nothing. */
  public long removed() {
    return 0;
  }

  /** Records in one split. */
  public long size(SplitName s) {
    return switch (s) {
      case TRAIN -> train;
      case VALIDATION -> validation;
      case TEST -> test;
    };
  }

  /** Sets {@code json.categories} to {@code {<name>: {train, validation, test}}}. */
  static void putCategories(ObjectNode json, Map<String, Map<SplitName, Long>> perCategory) {
    ObjectNode cats = json.putObject("categories");
    perCategory.forEach((c, m) -> {
      ObjectNode co = cats.putObject(c);
      for (SplitName s : SplitName.values()) {
        co.put(s.wire(), m.getOrDefault(s, 0L));
      }
    });
  }

  /**
   * The report as JSON: {@code stage}, {@code seed}, {@code shares: {validation, test}}, {@code in},
   * {@code out}, {@code removed}, {@code splits: {train, validation, test}}, {@code groups},
   * {@code categories: {<name>: {train, validation, test}}}, {@code notes: [{category, note}]}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stage", "split").put("seed", seed);
    o.putObject("shares").put("validation", validationShare).put("test", testShare);
    o.put("in", in).put("out", out()).put("removed", removed());
    ObjectNode splits = o.putObject("splits");
    for (SplitName s : SplitName.values()) {
      splits.put(s.wire(), size(s));
    }
    o.put("groups", groups);
    putCategories(o, perCategory);
    ArrayNode ns = o.putArray("notes");
    notes.forEach((c, n) -> ns.addObject().put("category", c).put("note", n));
    return o;
  }
}
