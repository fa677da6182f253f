package dev.quarry.extract.goals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.Glob;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.Templates;
import dev.quarry.extract.explain.Knowledge;
import dev.quarry.extract.explain.TestCase;
import dev.quarry.extract.openapi.OpenApiExtractor;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code goals}: goal-first examples from the {@link ApiMap}. For every operation with a summary it asks, in
 * the voice of a React page, a service and an agent host, for the goal only (the summary as a need, no platform
 * symbol), and answers with the surface that caller should use (the hook or the context's client, the SDK
 * method, the MCP tool), the scope its handler requires, the documented errors, a short snippet built from the
 * real signatures and the near-miss alternative. A caller without a surface gets no example. Each answer's
 * facts are sourced in {@code meta.explanation_sources}; {@code meta.goal_first} is true and
 * {@code meta.expected_api} names the surface and operation an answer must choose ({@code quarry eval}'s
 * {@code api-choice} score). Phrasings are the {@code goals} templates. Specs: {@code extractors.openapi.specs},
 * else the ones {@code openapi} detects.
 */
public final class GoalsExtractor implements Extractor {
  @Override
  public String id() {
    return "goals";
  }

  @Override
  public String defaultCategory() {
    return "api-client";
  }

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    List<RepoFile> specs = specs(repo, ctx);
    ApiMap map = ApiMap.of(repo, specs);
    Templates t = Templates.of(ctx);
    GoalAnswers answers = new GoalAnswers(t);
    List<Example> out = new ArrayList<>();
    specs.forEach(s -> ctx.coverage().fileScanned());
    for (ApiEntry e : map.entries()) {
      String goal = answers.goal(e.operation());
      if (goal.isEmpty()) {
        continue;
      }
      String key = e.operation().operationId();
      if (e.hook().isPresent() || e.sdk().filter(s -> !s.detail("client-hook").isEmpty()).isPresent()) {
        Surface s = e.hook().orElseGet(() -> clientHook(e.sdk().get()));
        out.add(example(repo, ctx, t.get("prompt-react").fill(key + "#react", Map.of("goal", goal, "task", answers.task(e.operation()))),
            answers.react(e), "tsx", s, "react", e, expected(s, e)));
      }
      if (e.sdk().isPresent()) {
        Surface s = e.sdk().get();
        out.add(example(repo, ctx, t.get("prompt-service").fill(key + "#service", Map.of("goal", goal, "task", answers.task(e.operation()))),
            answers.service(e, envPrefix(s, repo)), "typescript", s, "service", e, expected(s, e)));
      }
      if (e.tool().isPresent()) {
        Surface s = e.tool().get();
        out.add(example(repo, ctx, t.get("prompt-agent").fill(key + "#agent", Map.of("goal", goal, "task", answers.task(e.operation()))),
            answers.agent(e), "json", s, "agent-host", e, expected(s, e)));
      }
    }
    UsageTasks usage = new UsageTasks(t);
    for (TestCase test : Knowledge.of(repo).tests()) {
      String prompt = usage.prompt(test);
      String answer = prompt.isEmpty() ? "" : usage.answer(test);
      if (answer.isEmpty()) {
        continue;
      }
      Example e = ctx.example(repo, prompt, answer, "text", test.where().path(),
          new LineRange(test.where().first(), test.where().last()), test.name(), "testing", List.of("goal-first", "usage"));
      ObjectNode meta = e.metaCopy();
      meta.put("goal_first", true);
      meta.put("caller", "test");
      ArrayNode sources = meta.putArray("explanation_sources");
      test.asserts().forEach(a -> {
        ObjectNode n = sources.addObject();
        n.put("text", a.text());
        n.put("path", a.path());
        n.putArray("lines").add(a.first()).add(a.last());
      });
      out.add(e.withMeta(meta));
    }
    return out.stream();
  }

  /** The context hook that hands a component the client, as the surface a hook-less React answer uses. */
  private static Surface clientHook(Surface sdk) {
    String d = sdk.detail("client-hook");
    String where = d.substring(d.indexOf('@') + 1);
    int colon = where.lastIndexOf(':');
    return new Surface(Surface.Kind.HOOK, sdk.detailName("client-hook"), where.substring(0, colon),
        Integer.parseInt(where.substring(colon + 1)), List.of(), List.of());
  }

  private static List<String> expected(Surface s, ApiEntry e) {
    return List.of(s.name(), e.operation().operationId());
  }

  private Example example(Repository repo, ExtractContext ctx, String prompt, GoalAnswers.Answer answer,
      String language, Surface surface, String caller, ApiEntry entry, List<String> expected) {
    String symbol = surface.kind() == Surface.Kind.SDK_METHOD ? surface.detail("class") + "." + surface.name()
        : surface.name();
    // No line span: the answer joins several files (spec, handler, SDK, hook, tool), each in explanation_sources.
    Example e = ctx.example(repo, prompt, answer.text(), language, surface.path(), null, symbol, defaultCategory(),
        List.of("goal-first", caller));
    ObjectNode meta = e.metaCopy();
    meta.put("goal_first", true);
    meta.put("caller", caller);
    ArrayNode exp = meta.putArray("expected_api");
    expected.forEach(exp::add);
    ArrayNode sources = meta.putArray("explanation_sources");
    answer.sources().forEach((text, where) -> {
      ObjectNode n = sources.addObject();
      n.put("text", text);
      n.put("path", where.path());
      n.putArray("lines").add(where.line()).add(where.line());
    });
    return e.withMeta(meta);
  }

  private static String envPrefix(Surface s, Repository repo) {
    String pkg = s.detail("package");
    String base = pkg.startsWith("@") && pkg.contains("/") ? pkg.substring(1, pkg.indexOf('/')) : repo.name();
    return base.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  /**
   * The API map of {@code repo} over the specs this extractor reads ({@code extractors.openapi.specs}, else the
   * detected ones): what synthesis seeds its instructions with (issue 13).
   */
  public static ApiMap apiMap(Repository repo, QuarryConfig config) {
    return ApiMap.of(repo, specs(repo, config));
  }

  private static List<RepoFile> specs(Repository repo, ExtractContext ctx) {
    return specs(repo, ctx.config());
  }

  private static List<RepoFile> specs(Repository repo, QuarryConfig config) {
    List<String> configured = config.extractor("openapi").optionList("specs");
    List<String> globs = configured.isEmpty() ? OpenApiExtractor.detectSpecs(repo) : configured;
    List<Glob> in = globs.stream().map(Glob::of).toList();
    return repo.filesIncludingGenerated().stream().filter(f -> in.stream().anyMatch(g -> g.matches(f.path())))
        .toList();
  }
}
