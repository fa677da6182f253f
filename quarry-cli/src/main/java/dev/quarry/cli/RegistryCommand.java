package dev.quarry.cli;

import dev.quarry.registry.Registry;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quarry registry <sub-command>}: the adapter registry (an SQLite file, created on first use). */
@Command(name = "registry", mixinStandardHelpOptions = true,
    header = "Keeps trained adapters with their lineage and eval scores; promotes them; prints serving config.",
    description = {"Keeps trained adapters with their lineage and eval scores, promotes them",
        "and prints serving snippets. Lineage: dataset manifest hash, config hash,",
        "tool version. The registry is an SQLite file: --db, else $QUARRY_REGISTRY,",
        "else ~/.quarry/registry.db."},
    subcommands = {RegistryAddCommand.class, RegistryListCommand.class, RegistryShowCommand.class,
        RegistryCompareCommand.class, RegistryPromoteCommand.class, RegistryServeConfigCommand.class})
final class RegistryCommand implements Runnable {
  final Terminal terminal;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  RegistryCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a sub-command is required: add, list, show, compare, promote or serve-config");
  }

  /** The {@code --db} option every sub-command has. */
  static final class DbOption {
    @Option(names = "--db", paramLabel = "PATH",
        description = "Registry file (default: $QUARRY_REGISTRY, else ~/.quarry/registry.db).")
    Path db;

    Registry open() {
      return Registry.open(db != null ? db : Registry.defaultFile());
    }
  }
}
