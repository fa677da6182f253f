package dev.quarry.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.SynthSettings;
import dev.quarry.dataset.balance.DeficitPlan;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.score.Grounding;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Grounded synthesis: plans requests from the deficit plan ({@link #plan}), asks the model through eval's client
 * and response cache, checks every answer ({@link Checks}, then the optional judge) and keeps, per instruction,
 * the first sample that passes, until each category's deficit is filled. Kept examples carry the tag
 * {@value #TAG} and {@code meta.synth}; every rejected sample is written with its reason. Decisions are made in
 * plan order after all answers are in, so the output does not depend on arrival order, and a rerun from a warm
 * cache writes the same bytes without a request.
 */
public final class Synthesizer {
  /** The tag of every synthetic example. */
  public static final String TAG = "synthetic";

  /**
   * Where a run writes.
   *
   * @param kept the kept examples (JSONL records)
   * @param rejected one JSON line per rejected sample: its strategy, seed, sample, reason and detail
   * @param report {@code synthesis.json}
   * @param work a scratch folder
   */
  public record Outputs(Path kept, Path rejected, Path report, Path work) {}

  private final QuarryConfig config;
  private final SynthSettings settings;
  private final SynthTemplates templates;
  private final Grounding grounding;
  private final ProgressListener progress;

  /**
   * @param config the configuration (its validate settings apply to every candidate)
   * @param settings the synthesis settings (usually {@code config.synth()}, with command-line caps)
   * @param symbols the platform's names, for grounding
   * @param templateBase the folder {@code synth.templates} paths are relative to
   */
  public Synthesizer(QuarryConfig config, SynthSettings settings, SymbolIndex symbols, Path templateBase,
      ProgressListener progress) {
    this.config = config;
    this.settings = settings;
    this.templates = new SynthTemplates(settings.templates(), templateBase);
    this.grounding = new Grounding(symbols);
    this.progress = progress;
  }

  /** The requests a run over {@code mined} and {@code deficits} would make, without asking anything. */
  public SynthPlan plan(Path mined, DeficitPlan deficits, String project) {
    return plan(mined, deficits, project, List.of());
  }

  /**
   * As {@link #plan(Path, DeficitPlan, String)}, with each self-align instruction built around the API surface of
   * {@code surfaces} that the mined examples mention least (see {@link ApiSeeds}).
   *
   * @param surfaces the platform's API surfaces, as {@link SynthStage#surfaces} finds them; empty for none
   */
  public SynthPlan plan(Path mined, DeficitPlan deficits, String project, List<ApiFocus> surfaces) {
    return new SynthPlanner(settings, templates, grounding, project).plan(mined, deficits,
        ApiSeeds.of(surfaces, mined));
  }

  /**
   * Runs a plan.
   *
   * @param mined the mined examples (near-duplicate reference)
   * @param evalSets probes and held-out files no kept example may overlap (missing files are skipped)
   * @param cache the response cache folder, or empty to ask everything again and cache nothing
   * @throws IOException when an output cannot be written
   */
  public SynthReport run(SynthPlan plan, Path mined, List<Path> evalSets, OpenAiClient client,
      Optional<Path> cache, Outputs out) throws IOException {
    ModelAsker asker = new ModelAsker(client, cache, settings.concurrency(), progress);
    long httpBefore = client.requests();
    List<SynthTask> tasks = plan.tasks();
    ChatOutcome[] outcomes = asker.ask("synth: generating", tasks.stream().map(SynthTask::request).toList());
    Checks checks = new Checks(config, grounding, mined, evalSets, settings.nearDuplicate());
    ModelAnswer[] answers = new ModelAnswer[tasks.size()];
    Example[] candidates = new Example[tasks.size()];
    List<Example> distinct = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      answers[i] = ModelAnswer.of(outcomes[i]);
      if (answers[i].usable()) {
        candidates[i] = candidate(tasks.get(i), answers[i]);
        if (ids.add(candidates[i].id())) {
          distinct.add(candidates[i]);
        } else {
          answers[i] = ModelAnswer.rejected("duplicate", "the same example as an earlier sample");
          candidates[i] = null;
        }
      }
    }
    Map<String, Checks.Verdict> validated = checks.validate(distinct, out.work());
    Checks.Verdict[] verdicts = new Checks.Verdict[tasks.size()];
    for (int i = 0; i < tasks.size(); i++) {
      if (candidates[i] == null) {
        verdicts[i] = Checks.Verdict.fail(answers[i].reason(), answers[i].detail());
        continue;
      }
      Checks.Verdict v = validated.get(candidates[i].id());
      verdicts[i] = v.passed() ? checks.after(v.example(), answers[i].response()).orElse(v) : v;
    }
    Judge judge = new Judge(templates.get(SynthTemplates.JUDGE), settings, config.projectOr("the platform"));
    long judgeRequests = settings.judge() ? judge.run(tasks, verdicts, answers, asker) : 0;
    SynthReport report = decide(plan, tasks, answers, verdicts, checks.names(settings.judge()), judgeRequests, out);
    return new SynthReport(report.model(), report.planned(), report.plannedTokens(), report.cutByCaps(),
        report.judgeRequests(), report.strategies(), report.missing(), report.kept(), client.requests() - httpBefore,
        asker.cacheHits(), report.focus());
  }

  private SynthReport decide(SynthPlan plan, List<SynthTask> tasks, ModelAnswer[] answers,
      Checks.Verdict[] verdicts, List<String> checkNames, long judgeRequests, Outputs out) throws IOException {
    Map<String, StrategyCounts> per = new TreeMap<>();
    Map<String, Long> kept = new LinkedHashMap<>();
    Set<Integer> filled = new HashSet<>();
    StringBuilder rejects = new StringBuilder();
    try (JsonlWriter w = JsonlWriter.open(out.kept())) {
      for (int i = 0; i < tasks.size(); i++) {
        SynthTask t = tasks.get(i);
        Checks.Verdict v = verdicts[i];
        boolean returned = !"request-failed".equals(v.reason());
        long missing = plan.missing().getOrDefault(t.category(), 0L);
        StrategyCounts c;
        if (!v.passed()) {
          c = new StrategyCounts(1, returned ? 1 : 0, Map.of(v.reason(), 1L), 0, 0);
          rejects.append(rejectLine(t, v)).append('\n');
        } else if (filled.contains(t.instruction()) || kept.getOrDefault(t.category(), 0L) >= missing) {
          c = new StrategyCounts(1, 1, Map.of(), 1, 0);
        } else {
          filled.add(t.instruction());
          kept.merge(t.category(), 1L, Long::sum);
          w.write(withChecks(v.example(), checkNames));
          c = new StrategyCounts(1, 1, Map.of(), 0, 1);
        }
        per.merge(t.strategy().id(), c, StrategyCounts::plus);
      }
      w.commit();
    }
    AtomicFile.writeString(out.rejected(), rejects.toString());
    SynthReport r = new SynthReport(settings.model(), plan.requests(), plan.tokens(), plan.cutByCaps(),
        judgeRequests, per, plan.missing(), kept, 0, 0, plan.instructionsPerFocus());
    AtomicFile.writeString(out.report(), Json.pretty().writeValueAsString(r.toJson()) + "\n");
    return r;
  }

  /** The candidate example of an answer: the seed's system prompt, the instruction, the response. */
  private Example candidate(SynthTask t, ModelAnswer a) {
    Example seed = t.seed();
    String system = seed.systemPrompt().isEmpty() ? config.systemPromptFor(config.projectOr(seed.source().repo()))
        : seed.systemPrompt();
    Source s = seed.source();
    Source src = new Source("synth", s.repo(), s.path(), null, s.symbol(), s.commit());
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    ObjectNode synth = meta.putObject("synth");
    synth.putArray("seed_ids").add(seed.id());
    synth.put("strategy", t.strategy().id()).put("template", t.templateId()).put("model", settings.model())
        .put("temperature", settings.temperature()).put("instruction", t.instruction()).put("sample", t.sample());
    if (!t.focus().isEmpty()) {
      synth.put("focus", t.focus());
    }
    Example e = Example.of(List.of(Message.system(system), Message.user(a.instruction()),
        Message.assistant(a.response())), t.category(), seed.language(), src);
    return e.withTags(List.of(TAG, t.strategy().id())).withMeta(meta);
  }

  private static Example withChecks(Example e, List<String> checkNames) {
    ObjectNode meta = e.metaCopy();
    JsonNode synth = meta.path("synth");
    if (synth instanceof ObjectNode o) {
      var a = o.putArray("checks");
      checkNames.forEach(a::add);
    }
    return e.withMeta(meta);
  }

  private static String rejectLine(SynthTask t, Checks.Verdict v) {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("strategy", t.strategy().id())
        .put("category", t.category()).put("seed_id", t.seed().id()).put("instruction", t.instruction())
        .put("sample", t.sample()).put("reason", v.reason()).put("detail", v.detail());
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
