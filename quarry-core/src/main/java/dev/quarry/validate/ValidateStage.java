package dev.quarry.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.model.Rejection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The validate stage: streams every input record through every active rule and splits the records into an
 * accepted and a rejects file. A record is rejected when any finding has severity error, or when its line is
 * not a valid record (rule {@code json} or {@code schema}, from the reader). Accepted records carry their
 * warnings and notes in {@code meta.findings}; rejected records are the original object plus
 * {@code rejection} (SPEC §1), with every secret a {@link Redactor} recognises replaced by a placeholder so
 * the rejects file does not leak what it rejected.
 *
 * <p>Records are checked in batches of {@value #BATCH} on one worker thread per processor (each with its own
 * {@link RuleContext}) and written in input order, so the output does not depend on the thread count. Memory
 * is bounded by a batch of records: findings spill to a {@link FindingLog}. Both output files are
 * atomic: when reading an input fails ({@link dev.quarry.InputException}), neither is created or changed.
 */
public final class ValidateStage {
  private final QuarryConfig config;
  private final boolean fix;
  private final ProgressListener progress;
  private final int threads;
  private Path repository;
  private Path cache;
  private java.util.Set<String> enabled = java.util.Set.of();

  /**
   * A stage for {@code config} with one worker thread per processor.
   *
   * @param fix whether to apply safe fixes ({@link FixableRule}) and re-validate the repaired records
   * @param progress receives one step per record
   */
  public ValidateStage(QuarryConfig config, boolean fix, ProgressListener progress) {
    this(config, fix, progress, Runtime.getRuntime().availableProcessors());
  }

  /** A stage for {@code config} with {@code threads} worker threads (1: everything on the calling thread). */
  public ValidateStage(QuarryConfig config, boolean fix, ProgressListener progress, int threads) {
    this.config = config;
    this.fix = fix;
    this.progress = progress;
    this.threads = Math.max(1, threads);
  }

  /**
   * Gives the rules that execute or type-check code what they need: the repository the records came from
   * (read-only on their search path; null = none), a cache folder (null = no cache) and the opt-in rules to
   * enable besides those with {@code validate.<id>.enabled: true} (e.g. {@code execute} for {@code --execute}).
   *
   * @return this stage
   */
  public ValidateStage withExecution(Path repository, Path cache, java.util.Set<String> enable) {
    this.repository = repository;
    this.cache = cache;
    this.enabled = java.util.Set.copyOf(enable);
    return this;
  }

  /**
   * Validates {@code inputs} in order.
   *
   * @param accepted where valid records go (may be inside a folder that does not exist yet)
   * @param rejected where rejected records go
   * @throws dev.quarry.InputException when an input is missing, truncated, not UTF-8 or binary
   * @throws dev.quarry.ConfigException when the validate settings name unknown rules or lower a zero-tolerance one
   */
  public ValidationReport run(List<Path> inputs, Path accepted, Path rejected) throws IOException {
    List<Rule> registry = Rules.all().stream().filter(r -> !r.optIn() || enabled.contains(r.id())
        || config.validate().options().path(r.id()).path("enabled").asBoolean(false)).toList();
    ActiveRules rules = ActiveRules.of(config, registry);
    RuleContext ctx = new RuleContext(config);
    if (dev.quarry.validate.rules.AttributionIntegrations.wanted(ctx)) {
      integrations(inputs, ctx);
    }
    ctx.run(repository, cache);
    List<Redactor> redactors = new ArrayList<>();
    rules.active().forEach(a -> {
      if (a.rule() instanceof Redactor) {
        redactors.add((Redactor) a.rule());
      }
    });
    Tally tally = new Tally(rules, registry);
    FindingLog log = FindingLog.create();
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
    ThreadLocal<RecordValidator> validators = ThreadLocal.withInitial(
        () -> new RecordValidator(rules, ctx.forAnotherThread(), fix));
    boolean ok = false;
    try (JsonlWriter acc = JsonlWriter.open(accepted); JsonlWriter rej = JsonlWriter.open(rejected)) {
      progress.start("validate", -1);
      for (Path input : inputs) {
        String name = input.toString();
        try (Stream<JsonlLine> lines = JsonlReader.read(input)) {
          Iterator<JsonlLine> it = lines.iterator();
          while (it.hasNext()) {
            List<JsonlLine> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && batch.size() < BATCH) {
              batch.add(it.next());
            }
            List<Checked> results = check(batch, pool, validators, redactors);
            for (int i = 0; i < batch.size(); i++) {
              write(batch.get(i), results.get(i), name, tally, log, acc, rej, redactors, ctx);
            }
            progress.advance(batch.size());
          }
        }
      }
      log.finish();
      acc.commit();
      rej.commit();
      ok = true;
    } finally {
      progress.done();
      if (pool != null) {
        pool.shutdownNow();
      }
      if (!ok) {
        log.discard();
      }
    }
    return tally.report(inputs.stream().map(Path::toString).toList(), log, config.validate().mentions());
  }

  /**
   * One read of the inputs before validating, for {@code allow-in-code}: the AI products the run's code names,
   * so that prose about those integrations is judged like the code ({@link
   * dev.quarry.validate.rules.AttributionIntegrations}).
   */
  private static void integrations(List<Path> inputs, RuleContext ctx) {
    dev.quarry.validate.rules.AttributionIntegrations.Collector c =
        dev.quarry.validate.rules.AttributionIntegrations.collector(ctx);
    for (Path input : inputs) {
      try (Stream<JsonlLine> lines = JsonlReader.read(input)) {
        lines.forEach(l -> {
          if (l instanceof JsonlLine.Parsed p) {
            c.add(p.example());
          }
        });
      }
    }
    c.install();
  }

  /** The verdict on a parsed line, with the JSON to write when it is rejected (redacted on the worker). */
  private record Checked(Outcome outcome, ObjectNode rejectedJson) {}

  private static final int BATCH = 256;

  /** Validates the parsed lines of a batch, in parallel when there is a pool; results in batch order. */
  private static List<Checked> check(List<JsonlLine> batch, ExecutorService pool,
      ThreadLocal<RecordValidator> validators, List<Redactor> redactors) throws IOException {
    List<Future<Checked>> futures = new ArrayList<>(batch.size());
    List<Checked> out = new ArrayList<>(batch.size());
    for (JsonlLine line : batch) {
      if (!(line instanceof JsonlLine.Parsed)) {
        futures.add(null);
        continue;
      }
      Example e = ((JsonlLine.Parsed) line).example();
      Callable<Checked> task = () -> {
        RecordValidator v = validators.get();
        Outcome o = v.validate(e);
        ObjectNode json = null;
        if (o.rejected()) {
          List<Rejection> why = o.findings().stream().map(Finding::toRejection).toList();
          json = redact(ExampleCodec.toRejectedJson(ExampleCodec.toJson(o.example()), why), redactors, v.context());
        }
        return new Checked(o, json);
      };
      futures.add(pool == null ? CompletableFuture.completedFuture(call(task)) : pool.submit(task));
    }
    for (Future<Checked> f : futures) {
      out.add(f == null ? null : await(f));
    }
    return out;
  }

  private static Checked call(Callable<Checked> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Checked await(Future<Checked> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("validation interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void write(JsonlLine line, Checked c, String name, Tally tally, FindingLog log, JsonlWriter acc,
      JsonlWriter rej, List<Redactor> redactors, RuleContext ctx) {
    if (line instanceof JsonlLine.Malformed) {
      JsonlLine.Malformed m = (JsonlLine.Malformed) line;
      Finding f = Finding.of(m.reason());
      tally.malformed(f);
      log.add(f, "", name, m.line(), null);
      ObjectNode orig = (ObjectNode) m.original();
      rej.write(redact(ExampleCodec.toRejectedJson(orig, List.of(m.reason())), redactors, ctx));
      return;
    }
    Outcome o = c.outcome();
    Example e = o.example();
    tally.record(e.category(), o);
    for (Finding f : o.findings()) {
      log.add(f, e.id(), name, line.line(), e.source());
    }
    if (c.rejectedJson() != null) {
      rej.write(c.rejectedJson());
    } else {
      acc.write(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "quarry-validate");
      t.setDaemon(true);
      return t;
    };
  }

  private static ObjectNode redact(ObjectNode o, List<Redactor> redactors, RuleContext ctx) {
    if (!redactors.isEmpty()) {
      redactTree(o, redactors, ctx);
    }
    return o;
  }

  private static void redactTree(JsonNode n, List<Redactor> redactors, RuleContext ctx) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isTextual()) {
          f.setValue(TextNode.valueOf(redactText(f.getValue().asText(), redactors, ctx)));
        } else {
          redactTree(f.getValue(), redactors, ctx);
        }
        // A key can hold a secret too (a token used as a meta key).
        fields.put(redactText(f.getKey(), redactors, ctx), f.getValue());
      }
      if (!fields.keySet().equals(new java.util.LinkedHashSet<>(o.properties().stream().map(Map.Entry::getKey).toList()))) {
        o.removeAll();
        o.setAll(fields);
      }
    } else if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(redactText(a.get(i).asText(), redactors, ctx)));
        } else {
          redactTree(a.get(i), redactors, ctx);
        }
      }
    }
  }

  private static String redactText(String s, List<Redactor> redactors, RuleContext ctx) {
    String out = s;
    for (Redactor r : redactors) {
      out = r.redact(out, ctx);
    }
    return out;
  }
}
