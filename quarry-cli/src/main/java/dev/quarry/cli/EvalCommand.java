package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.eval.AnswerRedactor;
import dev.quarry.eval.EvalItem;
import dev.quarry.eval.EvalItems;
import dev.quarry.eval.EvalResult;
import dev.quarry.eval.EvalRunner;
import dev.quarry.eval.ItemResult;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.client.ResponseCache;
import dev.quarry.eval.client.RetryPolicy;
import dev.quarry.eval.client.Sleeper;
import dev.quarry.eval.report.ApiChoice;
import dev.quarry.eval.report.Breakdown;
import dev.quarry.eval.report.HtmlReport;
import dev.quarry.eval.report.JsonReport;
import dev.quarry.eval.report.PairedComparison;
import dev.quarry.eval.report.ReportInfo;
import dev.quarry.eval.score.Scorer;
import dev.quarry.eval.score.Scoring;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.io.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quarry eval --endpoint URL --model ADAPTER [--baseline BASE]}: asks an OpenAI-compatible server the
 * prompts of a test split or a probes file, scores the answers locally and reports.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    header = "Scores an adapter served by an OpenAI-compatible server against the test split and a baseline.",
    description = {"Asks an OpenAI-compatible server the prompts of a test split or probes file,",
        "scores the answers locally and compares the adapter with a baseline.",
        "Scores: syntax, clean output, grounding against the platform's symbols,",
        "hallucinated names, chrF. Works with vLLM, Ollama, llama.cpp, TGI, LiteLLM.",
        "The API key is read from an environment variable only (--api-key-env)."})
final class EvalCommand implements Callable<Integer> {
  static final String DEFAULT_PROMPTS = "out/dataset/test.jsonl";
  static final String DEFAULT_SYMBOLS = "out/reports/symbols.json";

  private final Terminal terminal;
  private final UnaryOperator<String> env;

  @Option(names = "--endpoint", required = true, paramLabel = "URL",
      description = "The server, e.g. http://localhost:8000/v1 (vLLM) or http://localhost:11434/v1 (Ollama).")
  String endpoint;

  @Option(names = "--model", required = true, paramLabel = "ADAPTER", description = "The model name to evaluate.")
  String model;

  @Option(names = "--baseline", paramLabel = "BASE", description = "A model to compare with, e.g. the base model.")
  String baseline = "";

  @Option(names = "--prompts", paramLabel = "FILE", description = "Test split or probes JSONL (default: "
      + DEFAULT_PROMPTS + ").")
  Path prompts = Path.of(DEFAULT_PROMPTS);

  @Option(names = "--symbols", paramLabel = "FILE", description = {"Symbol index for grounding (default: "
      + DEFAULT_SYMBOLS + " when it exists),",
      "or a .jsonl of records or a folder of them (out/extracted) to build it from."})
  Path symbols;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml",
      description = "Configuration whose validate: settings (attribution terms, secret allow-list) apply to answers.")
  Path config;

  @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N prompts.")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most (default: 4).")
  int concurrency = 4;

  @Option(names = "--timeout", paramLabel = "S", description = "Seconds one request may take (default: 120).")
  double timeout = 120;

  @Option(names = "--retries", paramLabel = "N", description = "Retries on 429, 5xx and timeouts (default: 3).")
  int retries = 3;

  @Option(names = "--cache", paramLabel = "DIR", description = "Response cache (default: out/eval/cache).")
  Path cache = Path.of("out", "eval", "cache");

  @Option(names = "--no-cache", description = "Ask every prompt again, and cache nothing.")
  boolean noCache;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: 0).")
  double temperature = 0;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Answer token limit (default: 1024).")
  int maxTokens = 1024;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the bootstrap and retry jitter (default: 42).")
  long seed = 42;

  @Option(names = "--api-key-env", paramLabel = "NAME",
      description = "Environment variable holding the API key (default: QUARRY_API_KEY); unset = no key.")
  String apiKeyEnv = "QUARRY_API_KEY";

  @Option(names = "--report", paramLabel = "R.json", description = "Write the JSON report here.")
  Path report;

  @Option(names = "--html", paramLabel = "R.html", description = "Write the HTML report here.")
  Path html;

  @Option(names = "--fail-on-regression",
      description = "Exit 1 when the adapter is worse than the baseline beyond noise (95%% interval below 0).")
  boolean failOnRegression;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  EvalCommand(Terminal terminal) {
    this(terminal, System::getenv);
  }

  EvalCommand(Terminal terminal, UnaryOperator<String> env) {
    this.terminal = terminal;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Optional<String> key = apiKey();
    inputFormat.apply(config == null ? QuarryConfig.defaults() : ConfigLoader.load(config));
    Path symbolsFile = symbols != null ? symbols : Files.exists(Path.of(DEFAULT_SYMBOLS)) ? Path.of(DEFAULT_SYMBOLS) : null;
    SymbolIndex index = symbolsFile == null ? SymbolIndex.empty() : SymbolIndex.load(symbolsFile);
    // With the platform's names, goal-first records also become API-choice probes.
    List<EvalItem> items = EvalItems.read(prompts, limit, index);
    QuarryConfig cfg = config == null ? QuarryConfig.defaults() : ConfigLoader.load(config);
    Scoring scoring = Scoring.defaults(index, cfg);
    Duration t = Duration.ofMillis(Math.round(timeout * 1000));
    OpenAiClient client = new OpenAiClient(endpoint, key, t, RetryPolicy.defaults(seed).withRetries(retries), Sleeper.REAL);
    EvalRunner runner = new EvalRunner(client, noCache ? Optional.empty() : Optional.of(new ResponseCache(cache)),
        scoring, terminal.progress(common.quiet), new AnswerRedactor(cfg));
    EvalResult r = runner.run(items, new EvalRunner.Settings(model, baseline, temperature, maxTokens, concurrency));
    ReportInfo info = new ReportInfo(client.url().toString(), prompts.toString(), Hashing.sha256(prompts), temperature,
        maxTokens, seed, symbolsFile == null ? "" : symbolsFile.toString(), index.examples());
    if (report != null) {
      JsonReport.write(report, JsonReport.build(r, scoring, info));
    }
    if (html != null) {
      HtmlReport.write(html, HtmlReport.render(r, scoring, info));
    }
    Breakdown b = Breakdown.overall(r, scoring.scorers().stream().map(Scorer::id).toList(), seed);
    summary(r, b, symbolsFile);
    if (r.failures() == r.items().size()) {
      String first = r.items().stream().map(ItemResult::adapter).map(a -> ((ChatOutcome.Failed) a.outcome()).reason())
          .findFirst().orElse("");
      throw new InputException(client.url().toString(), 0, "every request failed (first: " + first + ")",
          "check --endpoint, --model and that the server is running");
    }
    boolean regression = b.comparisonIfAny().map(PairedComparison::significantlyWorse).orElse(false);
    return failOnRegression && regression ? QuarryCli.FINDINGS : QuarryCli.OK;
  }

  private void checkOptions() {
    if (concurrency < 1 || concurrency > 256) {
      throw new UsageException("--concurrency " + concurrency + " is out of range", "give 1 to 256");
    }
    if (!(timeout > 0)) {
      throw new UsageException("--timeout " + timeout + " is not a positive number of seconds", "e.g. --timeout 60");
    }
    if (retries < 0 || retries > 20) {
      throw new UsageException("--retries " + retries + " is out of range", "give 0 to 20");
    }
    if (limit < 1) {
      throw new UsageException("--limit " + limit + " must be at least 1", "omit it to evaluate every prompt");
    }
    if (model.equals(baseline)) {
      throw new UsageException("--model and --baseline are both \"" + model + "\"", "compare with another model");
    }
  }

  private Optional<String> apiKey() {
    if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      // Never echo the value: a user may have passed the key itself here.
      throw new UsageException("--api-key-env takes the name of an environment variable, not a key",
          "export QUARRY_API_KEY=... and pass --api-key-env QUARRY_API_KEY");
    }
    String v = env.apply(apiKeyEnv);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private void summary(EvalResult r, Breakdown b, Path symbolsFile) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("model", r.model()).put("baseline", r.baseline())
        .put("items", r.items().size()).put("failures", r.failures()).put("http_requests", r.httpRequests())
        .put("cache_hits", r.cacheHits()).put("score", b.adapter().score());
    StringBuilder text = new StringBuilder("quarry: eval of ").append(r.model());
    if (r.hasBaseline()) {
      text.append(" against ").append(r.baseline());
    }
    text.append(" on ").append(r.items().size()).append(" prompts (").append(r.failures()).append(" failed; ")
        .append(r.httpRequests()).append(" HTTP requests, ").append(r.cacheHits()).append(" answers from cache)")
        .append("\n  ").append(r.model()).append(": score ").append(num(b.adapter().score()));
    b.baselineIfAny().ifPresent(a -> {
      json.put("baseline_score", a.score());
      text.append("   ").append(r.baseline()).append(": score ").append(num(a.score()));
    });
    b.comparisonIfAny().ifPresent(c -> {
      json.putObject("comparison").put("wins", c.wins()).put("ties", c.ties()).put("losses", c.losses())
          .put("mean_delta", c.meanDelta()).put("ci95_low", c.ciLow()).put("ci95_high", c.ciHigh());
      text.append("\n  wins ").append(c.wins()).append(", ties ").append(c.ties()).append(", losses ")
          .append(c.losses()).append("; mean difference ").append(num(c.meanDelta())).append(", 95% interval [")
          .append(num(c.ciLow())).append(", ").append(num(c.ciHigh())).append(']');
    });
    ApiChoice choice = ApiChoice.adapter(r.items());
    if (choice.probes() > 0) {
      ObjectNode ac = json.putObject("api_choice").put("probes", choice.probes()).put("hits", choice.hits())
          .put("accuracy", choice.accuracy());
      text.append("\n  api choice: ").append(r.model()).append(' ').append(choice.hits()).append(" of ")
          .append(choice.probes()).append(" goal-first probes (").append(num(choice.accuracy())).append(')');
      if (r.hasBaseline()) {
        ApiChoice base = ApiChoice.baseline(r.items());
        ac.put("baseline_hits", base.hits()).put("baseline_accuracy", base.accuracy());
        text.append("   ").append(r.baseline()).append(' ').append(base.hits()).append(" of ").append(base.probes())
            .append(" (").append(num(base.accuracy())).append(')');
      }
    }
    if (symbolsFile == null) {
      text.append("\n  no symbol index (").append(DEFAULT_SYMBOLS).append(" or --symbols): grounding not scored");
    }
    if (report != null) {
      json.put("report", report.toString());
      text.append("\n  report: ").append(report);
    }
    if (html != null) {
      json.put("html", html.toString());
      text.append("\n  html: ").append(html);
    }
    Summary.print(terminal, common, json, text.toString());
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }
}
