package dev.quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.SynthSettings;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.extract.Repository;
import dev.quarry.synth.StrategyCounts;
import dev.quarry.synth.SynthPlan;
import dev.quarry.synth.SynthReport;
import dev.quarry.synth.SynthStage;
import dev.quarry.synth.Synthesizer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry synth IN -o OUT.jsonl [--dry-run]}: grounded synthesis over an existing build folder or dataset with
 * the {@code synth:} settings of quarry.yaml; {@code --dry-run} prints the plan and asks nothing.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    header = "Fills category deficits with new examples from an OpenAI-compatible model, checked against the repository.",
    description = {"Plans requests from the deficits of IN against the category targets, asks the",
        "model of synth: in quarry.yaml (vLLM, Ollama, llama.cpp, TGI, LiteLLM or a cloud",
        "endpoint) and keeps only answers that pass every validation rule, grounding",
        "against the platform's symbols, near-duplicate and decontamination checks.",
        "IN is a build folder (work/combined.jsonl, reports/symbols.json, the held-out",
        "splits; its manifest names the configuration and repository) or a JSONL file.",
        "Answers are cached, so a rerun asks nothing and writes the same bytes. The API",
        "key comes only from the environment variable synth.api_key_env names.",
        "--dry-run prints the plan on stdout and sends no request."})
final class SynthCommand implements Callable<Integer> {
  private static final int SHOWN_SEEDS = 8;
  private static final String CACHE = ".quarry-synth-cache";

  private final Terminal terminal;
  private final UnaryOperator<String> env;

  @Parameters(index = "0", paramLabel = "IN", description = "A build folder (quarry build -o) or a dataset JSONL.")
  Path input;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration with synth: and "
      + "the category targets (default: the one a build folder was built with, else ./quarry.yaml).")
  Path config;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl",
      description = "The mined examples followed by the kept synthetic ones (required unless --dry-run).")
  Path output;

  @Option(names = "--dry-run", description = "Print the plan (deficits, requests, tokens, seeds) and ask nothing.")
  boolean dryRun;

  @Option(names = "--synthetic", paramLabel = "S.jsonl", description = "Also write the kept synthetic examples alone.")
  Path synthetic;

  @Option(names = "--rejected", paramLabel = "R.jsonl", description = "Write every rejected sample with its reason.")
  Path rejected;

  @Option(names = "--report", paramLabel = "R.json", description = "Write the synthesis report (synthesis.json).")
  Path report;

  @Option(names = "--symbols", paramLabel = "FILE", description = "Symbol index for grounding (default: IN's "
      + "reports/symbols.json for a build folder, else built from IN), or a .jsonl of records or a folder of them.")
  Path symbols;

  @Option(names = "--repo", paramLabel = "DIR", description = "The repository, for API map seeds and synth.probes "
      + "paths (default: the one a build folder was built from, else the folder of quarry.yaml).")
  Path repo;

  @Option(names = "--held-out", arity = "1..*", paramLabel = "FILE", description = "Files no kept example may "
      + "overlap, besides synth.probes (default for a build folder: its dataset/validation.jsonl and test.jsonl).")
  List<Path> heldOut = new ArrayList<>();

  @Option(names = "--endpoint", paramLabel = "URL", description = "Overrides synth.endpoint, e.g. http://localhost:11434/v1.")
  String endpoint;

  @Option(names = "--model", paramLabel = "MODEL", description = "Overrides synth.model.")
  String model;

  @Option(names = "--max-requests", paramLabel = "N", description = "Overrides synth.max_requests (0 = no cap).")
  Integer maxRequests;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Overrides synth.max_tokens (0 = no cap).")
  Long maxTokens;

  @Option(names = "--cache", paramLabel = "DIR", description = "Response cache (default: synth.cache, else "
      + "IN/.quarry-synth-cache for a build folder, the one quarry build uses, or .quarry-synth-cache beside OUT).")
  Path cache;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  SynthCommand(Terminal terminal) {
    this(terminal, System::getenv);
  }

  SynthCommand(Terminal terminal, UnaryOperator<String> env) {
    this.terminal = terminal;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    boolean build = Files.isDirectory(input);
    JsonNode manifest = build ? manifest() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    Path built = existing(manifest.path("config").path("path").asText(""), false);
    QuarryConfig cfg = ConfigLoader.resolve(Path.of("."), config != null ? config : built);
    inputFormat.apply(cfg);
    SynthSettings s = settings(cfg);
    Path mined = build ? input.resolve("work").resolve("combined.jsonl") : input;
    if (!Files.isRegularFile(mined)) {
      throw new InputException(mined.toString(), 0, build ? "the build folder has no work/combined.jsonl"
          : "no such dataset", build ? "run quarry build first, or pass a dataset JSONL" : "check the path");
    }
    if (!dryRun && output == null) {
      throw new UsageException("synth needs -o OUT.jsonl", "give -o, or --dry-run to print the plan only");
    }
    Path builtRepo = existing(manifest.path("inputs").path("repo").asText(""), true);
    Path repoDir = repo != null ? repo : builtRepo != null ? builtRepo : cfg.origin() == null ? Path.of(".")
        : Path.of(cfg.origin()).toAbsolutePath().getParent();
    Path work = Files.createTempDirectory("quarry-synth-");
    try {
      Path index = symbolIndex(build, work);
      SynthStage stage = new SynthStage(cfg, s, repoDir, env, terminal.progress(common.quiet));
      if ((repo != null || builtRepo != null || cfg.origin() != null) && Files.isDirectory(repoDir)) {
        stage = stage.withRepository(Repository.open(repoDir));
      }
      return dryRun ? plan(stage.plan(mined, index, work), s) : run(stage, s, repoDir, mined, index, build, work);
    } finally {
      deleteTree(work);
    }
  }

  /** A build folder's manifest.json (the configuration and repository it was built from), or a missing node. */
  private JsonNode manifest() throws java.io.IOException {
    Path m = input.resolve("manifest.json");
    return Files.isRegularFile(m) ? dev.quarry.io.Json.mapper().readTree(m.toFile())
        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** {@code path} when it names an existing file (or folder), else null. */
  private static Path existing(String path, boolean folder) {
    if (path.isEmpty()) {
      return null;
    }
    Path p = Path.of(path);
    return (folder ? Files.isDirectory(p) : Files.isRegularFile(p)) ? p : null;
  }

  private SynthSettings settings(QuarryConfig cfg) {
    SynthSettings s = cfg.synth();
    if (endpoint != null || model != null) {
      s = s.withEndpoint(endpoint != null ? endpoint : s.endpoint(), model != null ? model : s.model());
    }
    if (!s.configured()) {
      String where = cfg.origin() == null ? "no quarry.yaml" : cfg.origin();
      throw new UsageException("synthesis is not configured (" + where + " has no synth: endpoint and model)",
          "add synth: {endpoint: http://localhost:8000/v1, model: NAME} to quarry.yaml, or pass --endpoint and --model");
    }
    if (maxRequests != null && maxRequests < 0 || maxTokens != null && maxTokens < 0) {
      throw new UsageException("--max-requests and --max-tokens must be 0 or more", "give 0 for no cap");
    }
    if (maxRequests != null || maxTokens != null) {
      s = s.withCaps(maxRequests != null ? maxRequests : s.maxRequests(), maxTokens != null ? maxTokens : s.maxTokens());
    }
    return s;
  }

  /** The index file: given, the build's, or built from the input (written into {@code work}). */
  private Path symbolIndex(boolean build, Path work) throws java.io.IOException {
    Path given = symbols != null ? symbols : build ? input.resolve("reports").resolve("symbols.json") : input;
    if (symbols == null && build && !Files.isRegularFile(given)) {
      given = input.resolve("work").resolve("combined.jsonl");
    }
    if (!Files.exists(given)) {
      throw new InputException(given.toString(), 0, "no such symbol index", "check --symbols");
    }
    if (Files.isRegularFile(given) && !given.getFileName().toString().endsWith(".jsonl")) {
      return given;
    }
    Path built = work.resolve("symbols.json");
    SymbolIndex.load(given).write(built);
    return built;
  }

  private int run(SynthStage stage, SynthSettings s, Path repoDir, Path mined, Path index, boolean build,
      Path work) throws java.io.IOException {
    List<Path> held = new ArrayList<>(heldOut);
    if (held.isEmpty() && build) {
      held.add(input.resolve("dataset").resolve("validation.jsonl"));
      held.add(input.resolve("dataset").resolve("test.jsonl"));
    }
    // The build keeps its cache in OUT/.quarry-synth-cache: a synth over that folder shares it.
    Path cacheDir = cache != null ? cache : !s.cache().isBlank() ? repoDir.resolve(s.cache())
        : build ? input.resolve(CACHE) : output.toAbsolutePath().getParent().resolve(CACHE);
    Synthesizer.Outputs out = new Synthesizer.Outputs(synthetic != null ? synthetic : work.resolve("synthetic.jsonl"),
        rejected != null ? rejected : work.resolve("rejected.jsonl"), report != null ? report : work.resolve("r.json"),
        work.resolve("scratch"));
    SynthReport r = stage.run(mined, index, held, cacheDir, out, output);
    StrategyCounts t = r.total();
    ObjectNode json = r.toJson();
    json.put("http_requests", r.httpRequests()).put("cache_hits", r.cacheHits()).put("output", output.toString());
    String rejects = t.rejected().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    StringBuilder text = new StringBuilder("quarry: synth kept ").append(t.kept()).append(" of ")
        .append(t.requested()).append(" requested (").append(t.returned()).append(" returned; rejected: ")
        .append(rejects.isEmpty() ? "none" : rejects).append("; ").append(t.unneeded()).append(" unneeded); ")
        .append(r.httpRequests()).append(" HTTP requests, ").append(r.cacheHits()).append(" answers from cache -> ")
        .append(output);
    r.unfilled().forEach((c, n) -> text.append("\n  ").append(c).append(": ").append(n).append(" still missing"));
    if (r.cutByCaps() > 0) {
      text.append("\n  ").append(r.cutByCaps()).append(" requests left out by max_requests/max_tokens; "
          + "rerun with a higher cap to continue from the cache");
    }
    Summary.print(terminal, common, json, text.toString());
    if (t.requested() > 0 && t.returned() == 0) {
      throw new InputException(safe(s.endpoint()), 0, "every synthesis request failed",
          "check synth.endpoint, synth.model and that the server is running");
    }
    return QuarryCli.OK;
  }

  /** Prints the plan on stdout: it is what a dry run is asked for, so --quiet does not silence it. */
  private int plan(SynthPlan p, SynthSettings s) throws java.io.IOException {
    String keyEnv = s.apiKeyEnv();
    String keyState = env.apply(keyEnv) == null || env.apply(keyEnv).isBlank() ? "unset: no key is sent" : "set";
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("dry_run", true).put("endpoint", safe(s.endpoint()))
        .put("model", s.model()).put("api_key_env", keyEnv).put("api_key_set", keyState.equals("set"))
        .put("requests", p.requests()).put("judge_requests_at_most", p.judged() ? p.requests() : 0)
        .put("tokens_at_most", p.tokens()).put("cut_by_caps", p.cutByCaps());
    ObjectNode deficits = json.putObject("deficits");
    p.missing().forEach(deficits::put);
    ObjectNode strategies = json.putObject("strategies");
    p.requestsPerStrategy().forEach(strategies::put);
    ObjectNode seeds = json.putObject("seeds");
    p.instructionsPerSeed().forEach(seeds::put);
    ObjectNode focus = json.putObject("focus");
    p.instructionsPerFocus().forEach(focus::put);
    if (common.json) {
      terminal.out().println(dev.quarry.io.Json.pretty().writeValueAsString(json));
      return QuarryCli.OK;
    }
    StringBuilder text = new StringBuilder("quarry: synth plan for ").append(s.model()).append(" at ")
        .append(safe(s.endpoint())).append(" (dry run: nothing was asked)")
        .append("\n  deficits: ").append(joined(p.missing()))
        .append("\n  requests: ").append(p.requests()).append(" generation (").append(s.samples())
        .append(" per instruction)");
    if (p.judged()) {
      text.append(" + at most ").append(p.requests()).append(" judge");
    }
    text.append("; at most ").append(p.tokens()).append(" tokens (prompt estimate + answer_tokens each)");
    if (p.cutByCaps() > 0) {
      text.append("\n  ").append(p.cutByCaps()).append(" requests left out by max_requests/max_tokens");
    }
    text.append("\n  strategies: ").append(joined(p.requestsPerStrategy()))
        .append("\n  seeds: ").append(p.instructionsPerSeed().size()).append(" mined examples, ")
        .append(p.instructionsPerSeed().keySet().stream().limit(SHOWN_SEEDS).collect(Collectors.joining(", ")))
        .append(p.instructionsPerSeed().size() > SHOWN_SEEDS ? ", … (--json lists all)" : "");
    if (!p.instructionsPerFocus().isEmpty()) {
      text.append("\n  api surfaces: ").append(p.instructionsPerFocus().size()).append(" (")
          .append(p.instructionsPerFocus().keySet().stream().limit(SHOWN_SEEDS).collect(Collectors.joining(", ")))
          .append(p.instructionsPerFocus().size() > SHOWN_SEEDS ? ", …)" : ")");
    }
    text.append("\n  api key: $").append(keyEnv).append(" is ").append(keyState);
    terminal.out().println(dev.quarry.io.TerminalText.lines(text.toString()));
    return QuarryCli.OK;
  }

  private static String joined(Map<String, Long> m) {
    return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The endpoint without any user-info part, which could hold a credential. */
  private static String safe(String url) {
    try {
      URI u = URI.create(url);
      return u.getUserInfo() == null ? url : new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(),
          null, null).toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "(an endpoint that is not a URL)";
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
