package dev.quarry.synth;

import dev.quarry.config.SynthSettings;
import dev.quarry.dataset.balance.DeficitPlan;
import dev.quarry.eval.client.ChatRequest;
import dev.quarry.eval.score.Grounding;
import dev.quarry.eval.symbols.CodeBlock;
import dev.quarry.extract.code.Template;
import dev.quarry.io.Hashing;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the deficit plan into generation requests. Per category short of its target, {@code ceil(missing *
 * overshoot)} instructions, each asked {@code samples} times; instruction {@code i} of a category uses the
 * {@code i}-th applicable strategy (round-robin over the configured order) and the next seed of that strategy's
 * pool (mined examples of the category, by id: code seeds for the code strategies, standards sections for
 * docs-qa). Instructions are interleaved across categories, so caps cut every category alike. A self-align
 * instruction also names the least-covered API surface that fits its seed ({@link ApiSeeds}). Deterministic.
 */
final class SynthPlanner {
  /** Characters per token of the estimate (a token is about four characters of English or code). */
  static final int CHARS_PER_TOKEN = 4;
  private static final int SEED_CHARS = 4000;
  private static final int NAMES = 30;

  private final SynthSettings settings;
  private final SynthTemplates templates;
  private final Grounding grounding;
  private final String project;

  SynthPlanner(SynthSettings settings, SynthTemplates templates, Grounding grounding, String project) {
    this.settings = settings;
    this.templates = templates;
    this.grounding = grounding;
    this.project = project;
  }

  SynthPlan plan(Path mined, DeficitPlan deficits) {
    return plan(mined, deficits, ApiSeeds.none());
  }

  /**
   * The plan; each self-align instruction is also pointed at the least-covered API surface of {@code api} that
   * fits its seed's language (in plan order, so caps cut the least-covered surfaces last).
   */
  SynthPlan plan(Path mined, DeficitPlan deficits, ApiSeeds api) {
    Map<String, Long> missing = new LinkedHashMap<>();
    Map<String, Integer> need = new LinkedHashMap<>();
    for (DeficitPlan.Entry e : deficits.entries()) {
      missing.put(e.category(), e.missing());
      need.put(e.category(), (int) Math.ceil(e.missing() * settings.overshoot()));
    }
    Map<String, Pools> pools = seeds(mined, need);
    List<Strategy> strategies = settings.strategies().stream().map(s -> Strategy.of(s).orElseThrow()).toList();
    // Per category, its instructions in order; then interleaved.
    List<List<Pick>> perCategory = new ArrayList<>();
    for (Map.Entry<String, Integer> n : need.entrySet()) {
      Pools p = pools.getOrDefault(n.getKey(), new Pools());
      List<Strategy> usable = strategies.stream().filter(s -> !p.of(s).isEmpty()).toList();
      List<Pick> list = new ArrayList<>();
      Map<Strategy, Integer> used = new TreeMap<>();
      for (int i = 0; i < n.getValue() && !usable.isEmpty(); i++) {
        Strategy s = usable.get(i % usable.size());
        List<Example> pool = p.of(s);
        int k = used.merge(s, 1, Integer::sum) - 1;
        list.add(new Pick(n.getKey(), s, pool.get(k % pool.size())));
      }
      perCategory.add(list);
    }
    List<SynthTask> tasks = new ArrayList<>();
    int instruction = 0;
    for (int round = 0; ; round++) {
      boolean any = false;
      for (List<Pick> list : perCategory) {
        if (round < list.size()) {
          any = true;
          Pick pick = list.get(round);
          Optional<ApiFocus> focus = pick.strategy().focused() ? api.next(pick.seed().language()) : Optional.empty();
          tasks.addAll(samples(instruction, pick, focus));
          instruction++;
        }
      }
      if (!any) {
        break;
      }
    }
    return capped(tasks, missing);
  }

  /** One instruction before it is written: the category it fills, its strategy and its seed. */
  private record Pick(String category, Strategy strategy, Example seed) {}

  private SynthPlan capped(List<SynthTask> tasks, Map<String, Long> missing) {
    long maxRequests = settings.maxRequests() <= 0 ? Long.MAX_VALUE
        : settings.judge() ? settings.maxRequests() / 2 : settings.maxRequests();
    long maxTokens = settings.maxTokens() <= 0 ? Long.MAX_VALUE : settings.maxTokens();
    List<SynthTask> kept = new ArrayList<>();
    long tokens = 0;
    for (SynthTask t : tasks) {
      if (kept.size() >= maxRequests || tokens + t.estimatedTokens() > maxTokens) {
        break;
      }
      kept.add(t);
      tokens += t.estimatedTokens();
    }
    return new SynthPlan(kept, missing, tasks.size() - kept.size(), settings.judge());
  }

  private List<SynthTask> samples(int instruction, Pick pick, Optional<ApiFocus> focus) {
    Strategy s = pick.strategy();
    Example seed = pick.seed();
    Template t = templates.get(s.id());
    String templateId = s.id() + "#" + Hashing.sha256(String.join("\n---\n", t.variants())).substring(0, 12);
    String focusText = focus.map(f -> templates.get(SynthTemplates.FOCUS).fillAt(0, f.values())).orElse("");
    List<SynthTask> out = new ArrayList<>();
    for (int k = 1; k <= settings.samples(); k++) {
      Map<String, String> v = new TreeMap<>();
      v.put("project", project);
      v.put("category", pick.category());
      v.put("language", seed.language());
      v.put("seed_prompt", clip(prompt(seed)));
      v.put("seed_answer", clip(seed.finalAnswer()));
      v.put("names", String.join("\n", names(seed, focus)));
      v.put("focus", focusText);
      v.put("sample", Integer.toString(k));
      List<Message> msgs = List.of(Message.system(t.fillAt(0, v)), Message.user(t.fillAt(1, v)));
      ChatRequest req = new ChatRequest(settings.model(), msgs, settings.temperature(), settings.answerTokens());
      long chars = msgs.stream().mapToLong(m -> m.content().length()).sum();
      out.add(new SynthTask(instruction, k, s, templateId, pick.category(), seed, req,
          (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + settings.answerTokens(),
          focus.map(f -> f.kind() + " " + f.name()).orElse("")));
    }
    return out;
  }

  /** The seed's platform names, topped up with the index's hooks and definitions when it has few. */
  private List<String> names(Example seed, Optional<ApiFocus> focus) {
    Set<String> out = new LinkedHashSet<>();
    focus.filter(f -> !f.kind().equals("endpoint")).ifPresent(f -> out.add(f.name()));
    out.addAll(grounding.platformNames(seed.finalAnswer()));
    Iterator<String> more = Stream.concat(grounding.index().hooks().stream(),
        grounding.index().endpoints().stream()).iterator();
    while (out.size() < 8 && more.hasNext()) {
      out.add(more.next());
    }
    return out.stream().limit(NAMES).toList();
  }

  private static String prompt(Example e) {
    String last = "";
    for (Message m : e.messages()) {
      if (m.role() == Role.USER) {
        last = m.content();
      }
    }
    return last;
  }

  private static String clip(String s) {
    return s.length() <= SEED_CHARS ? s : s.substring(0, SEED_CHARS) + "\n…";
  }

  /** Reads, per category that needs them, at most {@code need} seeds of each kind, smallest ids first. */
  private static Map<String, Pools> seeds(Path mined, Map<String, Integer> need) {
    Map<String, TreeMap<String, Example>> code = new TreeMap<>();
    Map<String, TreeMap<String, Example>> docs = new TreeMap<>();
    try (Stream<Example> s = JsonlReader.examples(mined)) {
      for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
        Example e = it.next();
        Integer n = need.get(e.category());
        if (n == null || e.tags().contains(Synthesizer.TAG)) {
          continue;
        }
        boolean doc = e.source().path().endsWith(".md");
        boolean hasCode = !CodeBlock.of(e.finalAnswer()).isEmpty();
        if (doc || hasCode) {
          TreeMap<String, Example> m = (doc ? docs : code).computeIfAbsent(e.category(), k -> new TreeMap<>());
          m.put(e.id(), e);
          if (m.size() > n) {
            m.pollLastEntry();
          }
        }
      }
    }
    Map<String, Pools> out = new TreeMap<>();
    for (String c : need.keySet()) {
      out.put(c, new Pools(List.copyOf(code.getOrDefault(c, new TreeMap<>()).values()),
          List.copyOf(docs.getOrDefault(c, new TreeMap<>()).values())));
    }
    return out;
  }

  /** The seeds of one category: with code, and standards sections. */
  private record Pools(List<Example> code, List<Example> docs) {
    Pools() {
      this(List.of(), List.of());
    }

    List<Example> of(Strategy s) {
      return s.needsCode() ? code : docs;
    }
  }
}
