package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.registry.Adapter;
import dev.quarry.registry.AdapterReader;
import dev.quarry.registry.Registry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quarry registry add ADAPTER_DIR --dataset OUT/manifest.json [--eval R.json] [--name N]}. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Registers a PEFT adapter folder with the dataset it was trained on and, optionally, its eval.")
final class RegistryAddCommand implements Callable<Integer> {
  @ParentCommand
  RegistryCommand parent;

  @Parameters(index = "0", paramLabel = "ADAPTER_DIR", description = "Folder with adapter_config.json and weights.")
  Path dir;

  @Option(names = "--dataset", required = true, paramLabel = "MANIFEST",
      description = "The manifest.json of the quarry build the adapter was trained on.")
  Path manifest;

  @Option(names = "--eval", paramLabel = "R.json", description = "A quarry eval --report of this adapter.")
  Path eval;

  @Option(names = "--name", paramLabel = "N", description = "Name to register under (default: the folder's name).")
  String name;

  @Mixin
  RegistryCommand.DbOption db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    try (Registry r = db.open()) {
      Adapter a = AdapterReader.read(dir, manifest, eval, name, r.now());
      Registry.Added added = r.add(a);
      ObjectNode json = JsonNodeFactory.instance.objectNode().put("name", a.name())
          .put("result", added.name().toLowerCase(java.util.Locale.ROOT)).put("base_model", a.config().baseModel())
          .put("weights_sha256", a.weightsSha256()).put("dataset_manifest_sha256", a.lineage().manifestSha256());
      String text = added == Registry.Added.REGISTERED
          ? "quarry: registered " + a.name() + " (base " + a.config().baseModel() + ", rank " + a.config().rank()
              + ", weights " + a.weightsSha256().substring(0, 12) + ")"
          : "quarry: " + a.name() + " is already registered with the same weights and dataset";
      Summary.print(parent.terminal, common, json, text);
      return QuarryCli.OK;
    }
  }
}
