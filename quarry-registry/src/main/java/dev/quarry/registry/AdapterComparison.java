package dev.quarry.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two adapters side by side: every lineage and configuration field, whether it differs, and the eval score
 * difference when both have scores.
 *
 * @param a the first adapter's name
 * @param b the second adapter's name
 * @param rows one row per field, in a fixed order: configuration, weights, lineage, scores
 */
public record AdapterComparison(String a, String b, List<Row> rows) {
  /**
   * One compared field.
   *
   * @param field the field's name
   * @param a its value for the first adapter ("" when absent)
   * @param b its value for the second adapter
   */
  public record Row(String field, String a, String b) {
    /** Whether the values differ. */
    public boolean differs() {
      return !a.equals(b);
    }
  }

  /** Copies the list. */
  public AdapterComparison {
    rows = List.copyOf(rows);
  }

  /** Compares {@code x} with {@code y}. */
  public static AdapterComparison of(Adapter x, Adapter y) {
    List<Row> rows = new ArrayList<>();
    add(rows, "base_model", x.config().baseModel(), y.config().baseModel());
    add(rows, "stage", x.stage().wire(), y.stage().wire());
    add(rows, "rank", x.config().rank(), y.config().rank());
    add(rows, "alpha", x.config().alpha(), y.config().alpha());
    add(rows, "target_modules", String.join(",", x.config().targetModules()),
        String.join(",", y.config().targetModules()));
    add(rows, "config_sha256", x.config().sha256(), y.config().sha256());
    add(rows, "weights_sha256", x.weightsSha256(), y.weightsSha256());
    add(rows, "dataset_manifest_sha256", x.lineage().manifestSha256(), y.lineage().manifestSha256());
    add(rows, "dataset_config_hash", x.lineage().configHash(), y.lineage().configHash());
    add(rows, "tool_version", x.lineage().toolVersion(), y.lineage().toolVersion());
    TreeSet<String> files = new TreeSet<>(x.lineage().files().keySet());
    files.addAll(y.lineage().files().keySet());
    for (String f : files) {
      add(rows, "dataset_file:" + f, x.lineage().files().getOrDefault(f, ""), y.lineage().files().getOrDefault(f, ""));
    }
    add(rows, "eval_score", x.evalIfAny().map(e -> score(e.score())).orElse(""),
        y.evalIfAny().map(e -> score(e.score())).orElse(""));
    TreeSet<String> cats = new TreeSet<>();
    x.evalIfAny().ifPresent(e -> cats.addAll(e.categories().keySet()));
    y.evalIfAny().ifPresent(e -> cats.addAll(e.categories().keySet()));
    for (String c : cats) {
      add(rows, "eval_score:" + c, x.evalIfAny().map(e -> e.categories().get(c)).map(AdapterComparison::score).orElse(""),
          y.evalIfAny().map(e -> e.categories().get(c)).map(AdapterComparison::score).orElse(""));
    }
    return new AdapterComparison(x.name(), y.name(), rows);
  }

  /** The rows whose values differ. */
  public List<Row> differences() {
    return rows.stream().filter(Row::differs).toList();
  }

  private static void add(List<Row> rows, String field, Object a, Object b) {
    rows.add(new Row(field, Objects.toString(a, ""), Objects.toString(b, "")));
  }

  /** A score as shown: four decimals, locale-independent. */
  static String score(Double d) {
    return d == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", d);
  }
}
