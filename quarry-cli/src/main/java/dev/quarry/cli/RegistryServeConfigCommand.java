package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.registry.Adapter;
import dev.quarry.registry.Registry;
import dev.quarry.registry.ServeConfig;
import dev.quarry.registry.ServeTarget;
import dev.quarry.registry.ServedBase;
import dev.quarry.registry.Stage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code quarry registry serve-config --for vllm|litellm}: the snippet that loads the promoted adapters. */
@Command(name = "serve-config", mixinStandardHelpOptions = true,
    description = {"Prints the snippet a serving backend needs to load the promoted adapters.",
        "vllm: a vllm serve command line per base model, each on its own port (8000, 8001, ...);",
        "litellm: a model_list whose entries point at the server of their base.",
        "Default: the production adapters."})
final class RegistryServeConfigCommand implements Callable<Integer> {
  @ParentCommand
  RegistryCommand parent;

  @Option(names = "--for", required = true, paramLabel = "BACKEND", description = "vllm or litellm.")
  String target;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Which adapters (default: production).")
  String stage = "production";

  @Option(names = "--name", paramLabel = "N", description = "Only this adapter, whatever its stage.")
  String name;

  @Option(names = "--api-base", paramLabel = "URL",
      description = {"The first vLLM server's OpenAI URL (default: http://localhost:8000/v1);",
          "the server of the next base model listens on its port + 1."})
  String apiBase = "http://localhost:8000/v1";

  @Option(names = "--api-key-env", paramLabel = "NAME",
      description = "Environment variable LiteLLM reads the key from (default: QUARRY_API_KEY).")
  String apiKeyEnv = "QUARRY_API_KEY";

  @Mixin
  RegistryCommand.DbOption db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    ServeTarget t = ServeTarget.parse(target);
    if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UsageException("--api-key-env takes the name of an environment variable, not a key",
          "e.g. --api-key-env QUARRY_API_KEY");
    }
    List<Adapter> adapters;
    try (Registry r = db.open()) {
      adapters = name != null ? List.of(r.get(name)) : r.inStage(Stage.parse(stage));
    }
    String snippet = ServeConfig.render(t, adapters, apiBase, apiKeyEnv);
    if (common.json) {
      ObjectNode json = JsonNodeFactory.instance.objectNode().put("backend", t.wire());
      ArrayNode servers = json.putArray("servers");
      for (ServedBase b : ServeConfig.plan(adapters, apiBase)) {
        ObjectNode s = servers.addObject().put("base_model", b.baseModel()).put("port", b.port())
            .put("api_base", b.apiBase()).put("max_lora_rank", b.maxLoraRank());
        ArrayNode list = s.putArray("adapters");
        b.adapters().forEach(a -> list.addObject().put("name", a.name()).put("path", a.path())
            .put("weights_sha256", a.weightsSha256()).put("lora_module", ServeConfig.loraModule(a)));
      }
      json.put("snippet", snippet);
      Summary.print(parent.terminal, common, json, "");
    } else {
      // The snippet is the verb's output, not a summary: --quiet keeps it (there is no progress to silence).
      parent.terminal.out().print(snippet);
    }
    return QuarryCli.OK;
  }
}
