package dev.quarry.export;

import dev.quarry.UsageException;
import dev.quarry.export.format.AlpacaExporter;
import dev.quarry.export.format.OpenAiExporter;
import dev.quarry.export.format.ShareGptExporter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The registry of exporters: the built-ins in a fixed order, then plug-ins found through
 * {@link ServiceLoader} (e.g. {@code parquet} from the {@code quarry-parquet} module), sorted by format. A
 * plug-in whose format is already taken is an error naming both classes.
 */
public final class Exporters {
  private Exporters() {}

  /** The built-in exporters, in the order {@code --help} lists them. */
  public static List<Exporter> builtIns() {
    return List.of(new OpenAiExporter(), new ShareGptExporter(), new AlpacaExporter());
  }

  /** Built-ins followed by plug-ins sorted by format. */
  public static List<Exporter> all() {
    List<Exporter> out = new ArrayList<>(builtIns());
    TreeMap<String, Exporter> taken = new TreeMap<>();
    out.forEach(e -> taken.put(e.format(), e));
    List<Exporter> plugins = new ArrayList<>();
    ServiceLoader.load(Exporter.class, Exporters.class.getClassLoader()).forEach(plugins::add);
    plugins.sort(Comparator.comparing(Exporter::format));
    for (Exporter p : plugins) {
      Exporter clash = taken.putIfAbsent(p.format(), p);
      if (clash != null) {
        throw new IllegalStateException("two exporters have the format \"" + p.format() + "\": "
            + clash.getClass().getName() + " and " + p.getClass().getName());
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  /** The format ids of {@link #all()}, in order. */
  public static List<String> formats() {
    return all().stream().map(Exporter::format).toList();
  }

  /**
   * The exporter for {@code format}.
   *
   * @throws UsageException naming the valid formats when there is none
   */
  public static Exporter byFormat(String format) {
    return all().stream().filter(e -> e.format().equals(format)).findFirst().orElseThrow(() ->
        new UsageException("unknown export format \"" + format + "\"",
            "use one of: " + all().stream().map(Exporter::format).collect(Collectors.joining(", "))));
  }
}
