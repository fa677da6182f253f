package dev.quarry.cli;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.build.BuildPipeline;
import dev.quarry.build.BuildSource;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.SourceSpec;
import dev.quarry.io.InputFormat;
import dev.quarry.io.RecordImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry build [REPO] [-c quarry.yaml] [-o out] [--resume] [--force]}: the whole pipeline into one folder.
 * Exit 0 built; 1 a stage ended empty (the summary says which and why; manifest and reports are written);
 * 2 the folder cannot be used (not empty without a manifest, is or contains the repository, locked by another
 * build, a user's file where the build writes).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Runs the whole pipeline (extract, validate, combine, balance, split, analyze, export) into one folder.")
final class BuildCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(arity = "0..*", paramLabel = "SOURCE", description = {"The repository folder (default: .). Several "
      + "sources build one dataset together: repository folders and record files (Quarry, OpenAI, ShareGPT or "
      + "Alpaca JSONL), each named by its folder or file name in provenance and the manifest."})
  List<Path> repos = new ArrayList<>();

  @Option(names = "--each-repo", paramLabel = "DIR", description = "Also build from every folder (and .jsonl or .json record file) "
      + "directly inside DIR, as one source each.")
  Path eachRepo;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (default: REPO/quarry.yaml if present; with several sources, the first "
      + "repository's quarry.yaml, or DIR/quarry.yaml with --each-repo and no repository argument).")
  Path config;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: out).")
  Path output = Path.of("out");

  @Option(names = "--resume", description = "Skip every stage whose inputs and configuration hash are unchanged "
      + "since the last build into the output folder (recorded in DIR/.quarry-state.json).")
  boolean resume;

  @Option(names = "--force", description = "Build into a non-empty folder that holds no Quarry manifest.json. "
      + "Quarry still never deletes or overwrites a file it did not write.")
  boolean force;

  @Mixin
  CommonOptions common;

  BuildCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * The folder whose quarry.yaml a multi-source build uses when no {@code -c} is given: the first repository
   * argument, else the {@code --each-repo} folder; null (the defaults) when neither is a folder.
   */
  private Path configHome() {
    return repos.stream().filter(java.nio.file.Files::isDirectory).findFirst()
        .orElse(eachRepo != null && java.nio.file.Files.isDirectory(eachRepo) ? eachRepo : null);
  }

  /** One line per stage: in/out/removed when the stage reports them, else its flat counts. */
  static String describe(JsonNode stage) {
    if (stage.has("in") && stage.has("out")) {
      StringBuilder sb = new StringBuilder().append(stage.get("in").asLong()).append(" in, ")
          .append(stage.get("out").asLong()).append(" out");
      long decontaminated = stage.path("decontamination").path("removed").asLong();
      // The split stage's removals are its decontamination (and synthetic overlap), named on their own.
      long synthetic = stage.path("synthetic_dropped_overlapping_held_out").asLong();
      long removed = stage.path("removed").asLong() - decontaminated - synthetic;
      if (removed > 0) {
        sb.append(", ").append(removed).append(" removed");
      }
      if (decontaminated > 0) {
        sb.append(", ").append(decontaminated).append(" held-out dropped as overlapping train");
      }
      if (synthetic > 0) {
        sb.append(", ").append(synthetic).append(" synthetic dropped as overlapping held-out");
      }
      if (stage.has("splits")) {
        sb.append(" (");
        stage.get("splits").fields().forEachRemaining(s -> sb.append(s.getKey()).append(' ').append(s.getValue()).append(", "));
        sb.setLength(sb.length() - 2);
        sb.append(')');
      }
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder();
    if (stage.size() > 0 && java.util.stream.StreamSupport.stream(stage.spliterator(), false).allMatch(BuildCommand::isCounts)) {
      // A multi-source extract: per source its total, then the extractors that found something.
      stage.fields().forEachRemaining(f -> sb.append(f.getKey()).append(' ').append(perSource(f.getValue())).append("; "));
      return sb.substring(0, sb.length() - 2);
    }
    stage.fields().forEachRemaining(f -> sb.append(f.getKey()).append(' ').append(flat(f.getValue())).append("; "));
    return sb.length() > 2 ? sb.substring(0, sb.length() - 2) : "";
  }

  private static boolean isCounts(JsonNode v) {
    return v.isObject() && java.util.stream.StreamSupport.stream(v.spliterator(), false).allMatch(JsonNode::isNumber);
  }

  private static String perSource(JsonNode counts) {
    long total = 0;
    List<String> found = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      total += f.getValue().asLong();
      if (f.getValue().asLong() > 0) {
        found.add(f.getKey() + " " + f.getValue().asLong());
      }
    }
    return total + (found.isEmpty() ? "" : " (" + String.join(", ", found) + ")");
  }

  private static String flat(JsonNode v) {
    if (v.isValueNode()) {
      return v.asText();
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (v.isArray()) {
      v.forEach(x -> parts.add(flat(x)));
    } else {
      v.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + flat(f.getValue())));
    }
    return String.join(", ", parts);
  }

  @Override
  public Integer call() throws Exception {
    BuildPipeline pipeline = new BuildPipeline(terminal.progress(common.quiet));
    BuildPipeline.Result r;
    boolean single = eachRepo == null && repos.size() <= 1
        && (repos.isEmpty() || java.nio.file.Files.isDirectory(repos.get(0)));
    QuarryConfig multiConfig = single ? null : ConfigLoader.resolve(configHome(), config);
    if (single) {
      // A single repository: its own quarry.yaml applies; sources: in it make it a multi-source build.
      Path repo = repos.isEmpty() ? Path.of(".") : repos.get(0);
      QuarryConfig own = ConfigLoader.resolve(repo, config);
      if (!SourceSpec.read(own).isEmpty()) {
        multiConfig = own;
        single = false;
      }
    }
    if (single) {
      r = pipeline.run(repos.isEmpty() ? Path.of(".") : repos.get(0), config, output, resume, force);
    } else {
      boolean fromConfigOnly = repos.size() == 1 && eachRepo == null && !SourceSpec.read(multiConfig).isEmpty();
      List<Path> extra = fromConfigOnly ? List.of() : repos;
      RecordImport.configure(InputFormat.AUTO, multiConfig);
      r = pipeline.runSources(BuildSource.resolve(multiConfig, extra, eachRepo), multiConfig, output, resume, force);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("output", output.toString());
    json.set("counts", r.counts());
    json.put("manifest", output.resolve("manifest.json").toString());
    com.fasterxml.jackson.databind.node.ArrayNode resumed = json.putArray("resumed");
    r.skipped().forEach(resumed::add);
    r.stoppedBecause().ifPresent(why -> json.put("stopped", why));
    r.notes().forEach(n -> terminal.err().println("quarry: " + output + ": " + n));
    StringBuilder text = new StringBuilder("quarry: built ").append(output).append('\n');
    for (Iterator<Map.Entry<String, JsonNode>> it = r.counts().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      text.append("  ").append(String.format("%-9s", f.getKey() + " ")).append(describe(f.getValue())).append('\n');
    }
    long alone = r.counts().path("validate").path("rejected_for_mentions_alone").asLong();
    if (alone > 0) {
      text.append("  mentions ").append(alone).append(alone == 1 ? " record" : " records")
          .append(" rejected only for naming an AI product; to keep them set validate.attribution.mentions: ")
          .append("allow-in-code (names in code) or allow in quarry.yaml (see reports/validation.json)\n");
    }
    if (!r.skipped().isEmpty()) {
      text.append("  resumed  ").append(String.join(", ", r.skipped())).append(" (unchanged since the last build)\n");
    }
    if (r.stoppedBecause().isPresent()) {
      text.append("  stopped  ").append(r.stoppedBecause().get()).append("; manifest ")
          .append(output.resolve("manifest.json"));
      Summary.print(terminal, common, json, text.toString());
      // The reason is the result: shown even with --quiet or --json.
      if (common.quiet || common.json) {
        terminal.err().println("quarry: " + output + ": build stopped: " + r.stoppedBecause().get());
      }
      return QuarryCli.FINDINGS;
    }
    text.append("  dataset  ").append(output.resolve("dataset")).append("/{train,validation,test}.jsonl; manifest ")
        .append(output.resolve("manifest.json"));
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
