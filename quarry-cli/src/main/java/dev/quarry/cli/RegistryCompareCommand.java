package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import dev.quarry.registry.AdapterComparison;
import dev.quarry.registry.Registry;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quarry registry compare A B}: lineage and scores of two adapters side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compares two adapters' configuration, weights, dataset lineage and eval scores.")
final class RegistryCompareCommand implements Callable<Integer> {
  @ParentCommand
  RegistryCommand parent;

  @Parameters(index = "0", paramLabel = "A", description = "First adapter.")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "Second adapter.")
  String b;

  @Option(names = "--all", description = "Show equal fields too.")
  boolean all;

  @Mixin
  RegistryCommand.DbOption db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    AdapterComparison c;
    try (Registry r = db.open()) {
      c = AdapterComparison.of(r.get(a), r.get(b));
    }
    if (common.json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode().put("a", c.a()).put("b", c.b());
      ArrayNode rows = o.putArray("fields");
      c.rows().forEach(row -> rows.addObject().put("field", row.field()).put("a", row.a()).put("b", row.b())
          .put("differs", row.differs()));
      parent.terminal.out().println(Json.pretty().writeValueAsString(o));
      return QuarryCli.OK;
    }
    String fmt = "%s %-34s %-30s %s%n";
    parent.terminal.out().printf(Locale.ROOT, fmt, " ", "FIELD", c.a(), c.b());
    for (AdapterComparison.Row row : all ? c.rows() : c.differences()) {
      parent.terminal.out().printf(Locale.ROOT, fmt, row.differs() ? "*" : " ", row.field(), shorten(row.a()),
          shorten(row.b()));
    }
    if (!all && c.differences().isEmpty()) {
      parent.terminal.out().println("  no differences");
    }
    return QuarryCli.OK;
  }

  private static String shorten(String s) {
    return s.matches("[0-9a-f]{64}") ? s.substring(0, 12) + "…" : s;
  }
}
