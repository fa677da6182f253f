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
  private Registrations registrations = new Registrations();
  private NestRoutes.App nest = NestRoutes.App.NONE;
  private final Map<String, Set<String>> defined = new java.util.HashMap<>();

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
    registrations = new Registrations();
    nest = NestRoutes.App.NONE;
    defined.clear();
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
      if (!python && (text.contains("setGlobalPrefix") || text.contains("enableVersioning"))) {
        nest = NestRoutes.scan(text, nest);
      }
      boolean mounting = python
          ? text.contains("include_router") || text.contains("register_blueprint") || text.contains(".mount(")
          : text.contains(".use(");
      boolean django = python && DjangoRoutes.mayRegister(text);
      boolean byReference = python ? PythonRoutes.mayRegister(text)
          : (text.contains("express") || text.contains("Router")) && ExpressRoutes.mayRoute(text);
      if (!mounting && !django && !byReference) {
        continue;
      }
      try (CodeFile file = CodeFile.parse(f, g.get(), text)) {
        if (python && mounting) {
          PythonRoutes.mounts(file, run.modules(), mounts);
        } else if (mounting) {
          ExpressRoutes.mounts(file, run.modules(), mounts);
        }
        if (django) {
          DjangoRoutes.registrations(file, run.modules(), mounts, registrations);
        }
        if (byReference && python) {
          PythonRoutes.registrations(file, run.modules(), registrations);
        } else if (byReference) {
          ExpressRoutes.registrations(file, run.modules(), registrations, (path, name) -> defines(run, path, name));
        }
      }
    }
  }

  /** Whether the JavaScript or TypeScript file at {@code path} defines {@code name} at its top level. */
  private boolean defines(CodeRun run, String path, String name) {
    return defined.computeIfAbsent(path, p -> {
      Optional<RepoFile> f = run.modules().file(p);
      Optional<Grammar> g = Grammar.forPath(p);
      if (f.isEmpty() || g.isEmpty() || f.get().size() > run.limits().maxFileBytes()) {
        return Set.of();
      }
      try (CodeFile file = CodeFile.parse(f.get(), g.get(), run.repo().read(f.get()))) {
        return Set.copyOf(ExpressRoutes.definitions(file).keySet());
      } catch (IOException e) {
        return Set.of();
      }
    }).contains(name);
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    return switch (file.grammar()) {
      case PYTHON -> {
        List<Candidate<?>> out = new ArrayList<>(PythonRoutes.routes(file, run.modules(), mounts));
        out.addAll(DjangoRoutes.routes(file, mounts, registrations));
        yield out;
      }
      case JAVASCRIPT, TYPESCRIPT, TSX -> {
        List<Candidate<?>> out = new ArrayList<>(ExpressRoutes.routes(file, mounts, registrations));
        out.addAll(ExpressRoutes.referenced(file, mounts, registrations));
        out.addAll(NestRoutes.routes(file, nest));
        yield out;
      }
      case JAVA -> SpringRoutes.routes(file);
      default -> List.of();
    };
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    Route r = (Route) c.data();
    String code = Snippet.of(file.tree(), c.first(), c.last());
    if (!r.enclosing().isEmpty() && !code.isBlank()) {
      boolean braces = file.grammar() != Grammar.PYTHON;
      String indent = braces ? "  " : "    ";
      code = r.enclosing() + "\n\n" + code.lines().map(l -> l.isBlank() ? "" : indent + l)
          .collect(java.util.stream.Collectors.joining("\n")) + (braces ? "\n}" : "");
    }
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
    if (!r.also().isEmpty()) {
      user.append(' ').append(run.templates().get("also").fillAt(0, Map.of("also", r.also())));
    }
    String answer = run.templates().get("answer-lead").fill(key + "a", values) + "\n\n"
        + Snippet.fence(file.fenceLabel(), code);
    if (!r.wiring().statement().isEmpty()) {
      Template wiring = run.templates().get("wiring");
      answer += "\n\n" + wiring.fillAt(0, Map.of("file", r.wiring().file())) + "\n\n"
          + Snippet.fence(file.fenceLabel(), r.wiring().statement());
      if (!r.wiring().middleware().isEmpty()) {
        answer += "\n\n" + wiring.fillAt(1, Map.of("middleware", r.wiring().middleware().stream()
            .map(m -> "`" + m + "`").collect(java.util.stream.Collectors.joining(", "))));
      }
    }
    List<String> tags = new ArrayList<>(List.of("route", r.framework()));
    Map<String, String> meta = new java.util.TreeMap<>(Map.of("framework", r.framework(), "http_method",
        r.method(), "route_path", r.path()));
    if (!r.wiring().file().isEmpty()) {
      meta.put("routed_at", r.wiring().file() + ":" + r.wiring().line());
    }
    return Optional.of(new Draft(user.toString(), answer, file.language(), tags, meta));
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
      case "django" -> "Django";
      case "drf" -> "Django REST framework";
      case "nestjs" -> "NestJS";
      default -> r.framework();
    };
  }

  private static String trimPeriod(String s) {
    String t = s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
