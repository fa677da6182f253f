package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import dev.quarry.registry.Adapter;
import dev.quarry.registry.Registry;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quarry registry show NAME}: one adapter with its lineage, scores and stage history. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one adapter's lineage and scores.")
final class RegistryShowCommand implements Callable<Integer> {
  @ParentCommand
  RegistryCommand parent;

  @Parameters(index = "0", paramLabel = "NAME", description = "The adapter's name.")
  String name;

  @Mixin
  RegistryCommand.DbOption db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Adapter a;
    List<String> history;
    try (Registry r = db.open()) {
      a = r.get(name);
      history = r.history(name);
    }
    PrintStream out = parent.terminal.out();
    if (common.json) {
      ObjectNode o = AdapterJson.of(a);
      var h = o.putArray("history");
      history.forEach(h::add);
      out.println(Json.pretty().writeValueAsString(o));
      return QuarryCli.OK;
    }
    out.println(a.name() + "  (" + a.stage().wire() + ")");
    out.println("  path:            " + a.path());
    out.println("  base model:      " + a.config().baseModel());
    out.println("  " + a.config().peftType() + ":            r=" + a.config().rank() + " alpha="
        + fmt(a.config().alpha()) + " targets=" + String.join(",", a.config().targetModules()));
    out.println("  config sha256:   " + a.config().sha256());
    out.println("  weights sha256:  " + a.weightsSha256());
    a.weights().forEach(w -> out.println("    " + w.name() + "  " + w.bytes() + " bytes  " + w.sha256()));
    out.println("  dataset:         " + a.lineage().manifestPath());
    out.println("    manifest sha256: " + a.lineage().manifestSha256());
    out.println("    config hash:     " + a.lineage().configHash());
    out.println("    tool version:    " + a.lineage().toolVersion());
    a.lineage().files().forEach((f, h) -> out.println("    " + f + "  " + h));
    a.evalIfAny().ifPresentOrElse(e -> {
      out.println("  eval:            score " + fmt(e.score()) + " on " + e.items() + " prompts (" + e.failures()
          + " failed)" + e.baselineScoreIfAny().stream().mapToObj(b -> ", baseline " + e.baseline() + " " + fmt(b))
              .findFirst().orElse(""));
      e.categories().forEach((c, s) -> out.println("    " + c + ": " + fmt(s)));
    }, () -> out.println("  eval:            none (add one with quarry registry add … --eval REPORT.json)"));
    out.println("  registered:      " + a.registeredAt());
    history.forEach(h -> out.println("  stage change:    " + h));
    return QuarryCli.OK;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
