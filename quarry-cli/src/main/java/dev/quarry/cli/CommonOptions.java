package dev.quarry.cli;

import picocli.CommandLine.Option;

/** Options every verb has: {@code --quiet} and {@code --json}. */
final class CommonOptions {
  @Option(names = {"-q", "--quiet"}, description = "No progress bars and no summary on stderr.")
  boolean quiet;

  @Option(names = "--json", description = "Print the final summary as JSON on stdout.")
  boolean json;
}
