package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.quarry.io.Json;
import dev.quarry.registry.Adapter;
import dev.quarry.registry.Registry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code quarry registry list}: every adapter, by base model then name. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered adapters.")
final class RegistryListCommand implements Callable<Integer> {
  @ParentCommand
  RegistryCommand parent;

  @Mixin
  RegistryCommand.DbOption db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    List<Adapter> all;
    try (Registry r = db.open()) {
      all = r.list();
    }
    if (common.json) {
      ArrayNode arr = JsonNodeFactory.instance.arrayNode();
      for (Adapter a : all) {
        arr.add(AdapterJson.of(a));
      }
      parent.terminal.out().println(Json.pretty().writeValueAsString(arr));
      return QuarryCli.OK;
    }
    if (all.isEmpty()) {
      parent.terminal.out().println("no adapters registered (add one with: quarry registry add ADAPTER_DIR --dataset "
          + "OUT/manifest.json)");
      return QuarryCli.OK;
    }
    String fmt = "%-28s %-11s %-40s %5s %7s  %s%n";
    parent.terminal.out().printf(Locale.ROOT, fmt, "NAME", "STAGE", "BASE MODEL", "RANK", "EVAL", "REGISTERED");
    for (Adapter a : all) {
      parent.terminal.out().printf(Locale.ROOT, fmt, a.name(), a.stage().wire(), a.config().baseModel(),
          a.config().rank(), a.evalIfAny().map(e -> String.format(Locale.ROOT, "%.3f", e.score())).orElse("-"),
          a.registeredAt());
    }
    return QuarryCli.OK;
  }
}
