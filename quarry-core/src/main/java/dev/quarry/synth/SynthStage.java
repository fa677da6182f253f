package dev.quarry.synth;

import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.SynthSettings;
import dev.quarry.dataset.balance.BalanceReport;
import dev.quarry.dataset.balance.Balancer;
import dev.quarry.dataset.balance.DeficitPlan;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.client.RetryPolicy;
import dev.quarry.eval.client.Sleeper;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.extract.Repository;
import dev.quarry.extract.goals.GoalsExtractor;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The {@code synthesize} step of {@code quarry build} and {@code quarry synth}: the deficit plan of the mined
 * examples against the category targets, a {@link Synthesizer} run over it, and the mined examples followed by the
 * kept synthetic ones as the next stage's input.
 */
public final class SynthStage {
  private final QuarryConfig config;
  private final SynthSettings settings;
  private final Path repoRoot;
  private final UnaryOperator<String> env;
  private final ProgressListener progress;
  private final Repository repository;

  /**
   * @param config the configuration; {@code settings} usually is its {@code synth()}
   * @param repoRoot the repository, which {@code synth.probes} paths are relative to
   * @param env reads an environment variable (the API key's)
   */
  public SynthStage(QuarryConfig config, SynthSettings settings, Path repoRoot, UnaryOperator<String> env,
      ProgressListener progress) {
    this(config, settings, repoRoot, env, progress, null);
  }

  private SynthStage(QuarryConfig config, SynthSettings settings, Path repoRoot, UnaryOperator<String> env,
      ProgressListener progress, Repository repository) {
    this.config = config;
    this.settings = settings;
    this.repoRoot = repoRoot;
    this.env = env;
    this.progress = progress;
    this.repository = repository;
  }

  /**
   * This stage drawing its API map seeds from {@code repo}: its OpenAPI operations joined with their handlers, SDK
   * methods, hooks and MCP tools (without a repository, or when it has no spec, from {@code symbols.json}).
   */
  public SynthStage withRepository(Repository repo) {
    return new SynthStage(config, settings, repoRoot, env, progress, repo);
  }

  /**
   * The platform's API surfaces self-align instructions are built around: the API map of the repository when it
   * has operations, else the endpoints and platform hooks of {@code symbols} (none when that file is missing).
   *
   * @throws IOException when {@code symbols} cannot be read
   */
  public List<ApiFocus> surfaces(Path symbols) throws IOException {
    if (repository != null) {
      List<ApiFocus> fromMap = ApiSeeds.fromApiMap(GoalsExtractor.apiMap(repository, config));
      if (!fromMap.isEmpty()) {
        return fromMap;
      }
    }
    return ApiSeeds.fromSymbols(symbols);
  }

  /** The deficit plan of {@code mined} against the targets (balancing into a scratch file, then deleting it). */
  public DeficitPlan deficits(Path mined, Path work) throws IOException {
    Files.createDirectories(work);
    Path scratch = work.resolve("synth-balance.jsonl");
    BalanceReport b = new Balancer(config, 0, ProgressListener.NONE).run(mined, scratch);
    Files.deleteIfExists(scratch);
    return b.plan();
  }

  /** The plan a run would follow, asking nothing. */
  public SynthPlan plan(Path mined, Path symbols, Path work) throws IOException {
    return synthesizer(symbols).plan(mined, deficits(mined, work), project(), surfaces(symbols));
  }

  /**
   * Runs synthesis and writes {@code combined} = the mined examples, then the kept synthetic ones.
   *
   * @param symbols {@code reports/symbols.json}
   * @param heldOut held-out files to check against besides {@code synth.probes} (e.g. an earlier test split)
   * @param cacheDir the response cache
   */
  public SynthReport run(Path mined, Path symbols, List<Path> heldOut, Path cacheDir, Synthesizer.Outputs out,
      Path combined) throws IOException {
    Synthesizer s = synthesizer(symbols);
    SynthPlan plan = s.plan(mined, deficits(mined, out.work()), project(), surfaces(symbols));
    List<Path> evalSets = new ArrayList<>(heldOut);
    settings.probes().forEach(p -> evalSets.add(repoRoot.resolve(p)));
    SynthReport r = s.run(plan, mined, evalSets, client(), Optional.of(cacheDir), out);
    if (combined != null) {
      try (JsonlWriter w = JsonlWriter.open(combined)) {
        for (Path p : List.of(mined, out.kept())) {
          try (Stream<Example> in = JsonlReader.examples(p)) {
            for (Iterator<Example> it = in.iterator(); it.hasNext(); ) {
              w.write(it.next());
            }
          }
        }
        w.commit();
      }
    }
    return r;
  }

  /** The client of the settings: the key from the environment variable they name, never from a file. */
  public OpenAiClient client() {
    String v = env.apply(settings.apiKeyEnv());
    Optional<String> key = v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    return new OpenAiClient(settings.endpoint(), key, Duration.ofMillis(Math.round(settings.timeoutSeconds() * 1000)),
        RetryPolicy.defaults(settings.seed()).withRetries(settings.retries()), Sleeper.REAL);
  }

  private Synthesizer synthesizer(Path symbols) {
    SymbolIndex index = Files.isRegularFile(symbols) ? SymbolIndex.read(symbols) : SymbolIndex.empty();
    Path base = config.origin() == null ? repoRoot : Optional.ofNullable(Path.of(config.origin()).getParent())
        .orElse(Path.of(""));
    return new Synthesizer(config, settings, index, base, progress);
  }

  private String project() {
    return config.projectOr(repoRoot.getFileName() == null ? "the platform" : repoRoot.getFileName().toString());
  }
}
