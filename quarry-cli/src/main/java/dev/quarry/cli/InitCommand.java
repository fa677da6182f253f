package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.extract.Repository;
import dev.quarry.extract.StarterConfig;
import dev.quarry.io.AtomicFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry init [REPO]}: scans a repository and writes a commented starter quarry.yaml. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Scans a repository and writes a commented starter quarry.yaml (detected sources, categories).")
final class InitCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REPO", description = "The repository folder (default: the current folder).")
  Path repo = Path.of(".");

  @Option(names = {"-o", "--output"}, paramLabel = "quarry.yaml", description = "Where to write (default: REPO/quarry.yaml).")
  Path output;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Mixin
  CommonOptions common;

  InitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Path target = output != null ? output : repo.resolve("quarry.yaml");
    if (Files.exists(target) && !force) {
      throw new UsageException(target + ": already exists", "pass --force to overwrite it");
    }
    Repository r = Repository.open(repo, terminal.progress(common.quiet));
    StarterConfig.Detection d = StarterConfig.detect(r);
    AtomicFile.writeString(target, StarterConfig.render(r, d));
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("config", target.toString())
        .put("specs", d.specs().size()).put("handcrafted_files", d.handcrafted().size())
        .put("docs", d.docs().size()).put("test_folders", d.tests().size());
    String text = "quarry: wrote " + target + "\n  OpenAPI specs: " + d.specs().size() + "\n  hand-written example files: "
        + d.handcrafted().size() + "\n  guides: " + d.docs().size() + "\n  test folders: " + d.tests().size();
    Summary.print(terminal, common, json, text);
    return QuarryCli.OK;
  }
}
