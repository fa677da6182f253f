package dev.quarry.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of extractors: built-ins in a fixed pipeline order, then plug-ins found by
 * {@link ServiceLoader} sorted by id. A duplicate id is an error naming both classes.
 */
public final class Extractors {
  private Extractors() {}

  /** Every extractor, built-ins first. */
  public static List<Extractor> all() {
    List<Extractor> out = new ArrayList<>(builtIns());
    List<Extractor> plugins = new ArrayList<>();
    ServiceLoader.load(Extractor.class).forEach(plugins::add);
    plugins.sort(java.util.Comparator.comparing(Extractor::id));
    out.addAll(plugins);
    Map<String, Extractor> seen = new HashMap<>();
    for (Extractor e : out) {
      Extractor prev = seen.putIfAbsent(e.id(), e);
      if (prev != null) {
        throw new IllegalStateException("two extractors have the id \"" + e.id() + "\": "
            + prev.getClass().getName() + " and " + e.getClass().getName());
      }
    }
    return List.copyOf(out);
  }

  /** The built-in extractors in pipeline order. */
  static List<Extractor> builtIns() {
    return List.of(
        new dev.quarry.extract.openapi.OpenApiExtractor(),
        new dev.quarry.extract.routes.RoutesExtractor(),
        new dev.quarry.extract.tests.TestsExtractor(),
        new dev.quarry.extract.functions.FunctionsExtractor(),
        new dev.quarry.extract.hooks.HooksExtractor(),
        new dev.quarry.extract.mcp.McpExtractor(),
        new dev.quarry.extract.agents.AgentsExtractor(),
        new dev.quarry.extract.docs.DocsExtractor(),
        new dev.quarry.extract.goals.GoalsExtractor(),
        new dev.quarry.extract.handcrafted.HandcraftedExtractor(),
        new dev.quarry.extract.history.HistoryExtractor());
  }
}
