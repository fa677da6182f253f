package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.registry.Registry;
import dev.quarry.registry.Stage;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quarry registry promote NAME --stage staging|production}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = {"Moves an adapter to staging or production.",
        "There is one production adapter per base model: promoting one demotes",
        "the previous one to staging, in the same transaction."})
final class RegistryPromoteCommand implements Callable<Integer> {
  @ParentCommand
  RegistryCommand parent;

  @Parameters(index = "0", paramLabel = "NAME", description = "The adapter's name.")
  String name;

  @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "staging or production.")
  String stage;

  @Mixin
  RegistryCommand.DbOption db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Stage s = Stage.parse(stage);
    Optional<String> demoted;
    try (Registry r = db.open()) {
      demoted = r.promote(name, s);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("name", name).put("stage", s.wire());
    demoted.ifPresentOrElse(d -> json.put("demoted", d), () -> json.putNull("demoted"));
    Summary.print(parent.terminal, common, json, "quarry: " + name + " is now " + s.wire()
        + demoted.map(d -> " (" + d + " moved from production to staging)").orElse(""));
    return QuarryCli.OK;
  }
}
