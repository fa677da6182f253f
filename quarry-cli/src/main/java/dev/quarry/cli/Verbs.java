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
        new InitCommand(terminal),
        new ExtractCommand(terminal),
        new ValidateCommand(terminal),
        new ExportCommand(terminal),
        new TrainConfigCommand(terminal));
    for (Object v : verbs) {
      CommandLine sub = new CommandLine(v);
      cl.addSubcommand(sub.getCommandName(), sub);
    }
  }
}
