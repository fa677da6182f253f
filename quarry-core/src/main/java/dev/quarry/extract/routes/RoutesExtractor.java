package dev.quarry.extract.routes;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.Grammar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Route handlers of FastAPI, Flask, Express and Spring applications. The example asks to implement the
 * endpoint (method, full path with router and mount prefixes, summary) and answers with the handler as
 * written in the repository, decorators and annotations included; what the decorator declares (operation id,
 * response model, status code, dependencies, error responses) is stated in the prompt, so the answer carries no
 * detail the request did not give. Phrasings are templates ({@code /dev/quarry/extract/routes/*.txt}). An instance holds the mounts of the run in
 * progress: use one instance per run (the registry creates new ones).
 */
public final class RoutesExtractor extends CodeExtractor {
  private Mounts mounts = new Mounts();

  @Override
  public String id() {
    return "routes";
  }

  @Override
  public String defaultCategory() {
    return "api-endpoints";
  }

  @Override
  protected List<String> defaultPaths() {
    return List.of("**/*.{py,js,jsx,mjs,cjs,ts,tsx,mts,java}");
  }

  @Override
  protected Set<Grammar> grammars() {
    return Set.of(Grammar.PYTHON, Grammar.JAVASCRIPT, Grammar.TYPESCRIPT, Grammar.TSX, Grammar.JAVA);
  }

  @Override
  protected void prepare(List<RepoFile> files, CodeRun run) {
    mounts = new Mounts();
    for (RepoFile f : files) {
      Optional<Grammar> g = Grammar.forPath(f.path());
      if (g.isEmpty() || g.get() == Grammar.JAVA || f.size() > run.limits().maxFileBytes()) {
        continue;
      }
      String text;
      try {
        text = run.repo().read(f);
      } catch (IOException e) {
        continue;
      }
      boolean python = g.get() == Grammar.PYTHON;
      boolean mounting = python
          ? text.contains("include_router") || text.contains("register_blueprint") || text.contains(".mount(")
          : text.contains(".use(");
      if (!mounting) {
        continue;
      }
      try (CodeFile file = CodeFile.parse(f, g.get(), text)) {
        if (python) {
          PythonRoutes.mounts(file, run.modules(), mounts);
        } else {
          ExpressRoutes.mounts(file, run.modules(), mounts);
        }
      }
    }
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    return switch (file.grammar()) {
      case PYTHON -> PythonRoutes.routes(file, run.modules(), mounts);
      case JAVASCRIPT, TYPESCRIPT, TSX -> ExpressRoutes.routes(file, mounts);
      case JAVA -> SpringRoutes.routes(file);
      default -> List.of();
    };
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    Route r = (Route) c.data();
    String code = Snippet.of(file.tree(), c.first(), c.last());
    if (code.isBlank()) {
      run.skip(file.path(), c.symbol(), SkipReason.INCOMPLETE, "empty handler");
      return Optional.empty();
    }
    String about = r.summary().isEmpty() ? "" : " (" + trimPeriod(r.summary()) + ")";
    Map<String, String> values = Map.of("method", r.method(), "path", r.path(), "framework", frameworkName(r),
        "about", about, "handler", r.handler().isEmpty() ? "handler" : r.handler(), "file", file.path());
    String key = file.path() + "#" + c.symbol() + "#" + c.first().getStartByte();
    StringBuilder user = new StringBuilder(run.templates().get("ask").fill(key, values));
    if (!r.prefix().isEmpty()) {
      user.append(' ').append(run.templates().get("registered").fillAt(0,
          Map.of("router", r.router(), "prefix", r.prefix())));
    }
    contract(r, run.templates().get("contract")).ifPresent(s -> user.append(' ').append(s));
    String answer = run.templates().get("answer-lead").fill(key + "a", values) + "\n\n"
        + Snippet.fence(file.fenceLabel(), code);
    List<String> tags = new ArrayList<>(List.of("route", r.framework()));
    return Optional.of(new Draft(user.toString(), answer, file.language(), tags,
        Map.of("framework", r.framework(), "http_method", r.method(), "route_path", r.path())));
  }

  private static final List<String> CONTRACT = List.of("operation_id", "response_model", "status_code",
      "dependencies", "responses");

  /** The sentence stating what the route decorator declares beyond method and path; empty when nothing. */
  private static Optional<String> contract(Route r, Template parts) {
    List<String> said = new ArrayList<>();
    for (Map.Entry<String, String> e : r.contract()) {
      int part = CONTRACT.indexOf(e.getKey());
      if (part >= 0) {
        String v = part == 0 && e.getValue().startsWith("\"") ? "`" + e.getValue().replace("\"", "") + "`"
            : e.getValue();
        said.add(parts.fillAt(part, Map.of("value", v)));
      }
    }
    if (said.isEmpty()) {
      return Optional.empty();
    }
    String joined = said.size() == 1 ? said.get(0)
        : String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.get(said.size() - 1);
    return Optional.of(parts.fillAt(CONTRACT.size(), Map.of("parts", joined)));
  }

  private static String frameworkName(Route r) {
    return switch (r.framework()) {
      case "fastapi" -> "FastAPI";
      case "flask" -> "Flask";
      case "express" -> "Express";
      case "spring" -> "Spring";
      default -> r.framework();
    };
  }

  private static String trimPeriod(String s) {
    String t = s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
