package dev.quarry.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The one place verbs are registered, in the order {@code --help} lists them. A verb appears here only when
 * it is implemented.
 */
final class Verbs {
  private Verbs() {}

  static void register(CommandLine cl, Terminal terminal) {
    List<Object> verbs = List.of(
        new BuildCommand(terminal),
        new InitCommand(terminal),
        new ExtractCommand(terminal),
        new ImportCommand(terminal),
        new ValidateCommand(terminal),
        new CombineCommand(terminal),
        new AnalyzeCommand(terminal),
        new BalanceCommand(terminal),
        new SynthCommand(terminal),
        new SplitCommand(terminal),
        new ExportCommand(terminal),
        new TrainConfigCommand(terminal),
        new TrainCommand(terminal),
        new EvalCommand(terminal),
        new RegistryCommand(terminal),
        new BenchCommand(terminal));
    for (Object v : verbs) {
      CommandLine sub = new CommandLine(v);
      cl.addSubcommand(sub.getCommandName(), sub);
    }
  }
}
