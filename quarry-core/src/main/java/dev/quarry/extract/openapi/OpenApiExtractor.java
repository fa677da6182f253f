package dev.quarry.extract.openapi;

import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.Glob;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code openapi}: one example per operation (path and method) of every OpenAPI 3.0/3.1 or Swagger 2.0 spec,
 * JSON or YAML. The user asks for a typed client call; the answer is a client function in
 * {@code client_language} ({@code python}, the default, or {@code typescript}) with request and response types
 * from the schemas, error handling for the documented error responses, and a test with a mocked transport.
 *
 * <p>Specs are the files matching {@code specs} (or {@code paths}); by default
 * {@code **}{@code /openapi*.{yaml,yml,json}} and {@code **}{@code /swagger*.{yaml,yml,json}}, plus every other
 * YAML or JSON file whose top level has an {@code openapi} or {@code swagger} key. Every operation of the
 * raw document is a candidate: one that cannot become an example is a coverage skip with the reason.
 */
public final class OpenApiExtractor implements Extractor {
  /** The default spec globs. */
  public static final List<String> DEFAULT_SPECS = List.of("**/openapi*.{yaml,yml,json}", "**/swagger*.{yaml,yml,json}");

  private static final Glob DATA_FILES = Glob.of("**/*.{yaml,yml,json}");
  private static final long MAX_SPEC_BYTES = 64L * 1024 * 1024;

  @Override
  public String id() {
    return "openapi";
  }

  @Override
  public String defaultCategory() {
    return "api-client";
  }

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    List<RepoFile> specs = specs(repo, ctx);
    ClientLanguage language = ClientLanguage.of(ctx.settings().option("client_language").orElse("python"),
        ctx.config().origin());
    ctx.progress().start("openapi", specs.size());
    SpecReader reader = new SpecReader(repo.root());
    return specs.stream().flatMap(f -> {
      List<Example> out = fromSpec(repo, ctx, reader, f, language);
      ctx.progress().advance(1);
      return out.stream();
    }).onClose(() -> ctx.progress().done());
  }

  /** The spec files of {@code repo} by the settings: configured globs, else the defaults plus sniffed documents. */
  static List<RepoFile> specs(Repository repo, ExtractContext ctx) {
    List<String> configured = new ArrayList<>(ctx.settings().optionList("specs"));
    configured.addAll(ctx.settings().paths());
    List<String> globs = configured.isEmpty() ? DEFAULT_SPECS : configured;
    List<Glob> in = globs.stream().map(Glob::of).toList();
    List<Glob> out = ctx.settings().exclude().stream().map(Glob::of).toList();
    List<RepoFile> result = new ArrayList<>();
    // Specs are often generated from code, so generated-looking files are specs too.
    for (RepoFile f : repo.filesIncludingGenerated()) {
      if (out.stream().anyMatch(g -> g.matches(f.path()))) {
        continue;
      }
      if (in.stream().anyMatch(g -> g.matches(f.path()))) {
        result.add(f);
      } else if (configured.isEmpty() && DATA_FILES.matches(f.path()) && f.size() <= MAX_SPEC_BYTES && sniff(repo, f)) {
        result.add(f);
      }
    }
    return result;
  }

  /** The spec files the default settings would read: for {@code quarry init}. */
  public static List<String> detectSpecs(Repository repo) {
    List<String> out = new ArrayList<>();
    List<Glob> in = DEFAULT_SPECS.stream().map(Glob::of).toList();
    for (RepoFile f : repo.filesIncludingGenerated()) {
      boolean named = in.stream().anyMatch(g -> g.matches(f.path()));
      if ((named || DATA_FILES.matches(f.path())) && f.size() <= MAX_SPEC_BYTES && sniff(repo, f)) {
        out.add(f.path());
      }
    }
    return out;
  }

  private static boolean sniff(Repository repo, RepoFile f) {
    try {
      return SpecText.looksLikeSpec(repo.read(f), SpecText.isJson(f.path()));
    } catch (IOException e) {
      return false;
    }
  }

  private List<Example> fromSpec(Repository repo, ExtractContext ctx, SpecReader reader, RepoFile f,
      ClientLanguage language) {
    ctx.coverage().fileScanned();
    List<Example> out = new ArrayList<>();
    if (f.size() > MAX_SPEC_BYTES) {
      ctx.coverage().skip(f.path(), null, SkipReason.TOO_LONG, f.size() + " bytes");
      return out;
    }
    String text;
    try {
      text = repo.read(f);
    } catch (IOException e) {
      ctx.coverage().skip(f.path(), null, SkipReason.UNREADABLE, String.valueOf(e.getMessage()));
      return out;
    }
    if (!SpecText.looksLikeSpec(text, SpecText.isJson(f.path()))) {
      ctx.coverage().skip(f.path(), null, SkipReason.NO_CANDIDATES, "not an OpenAPI or Swagger document");
      return out;
    }
    SpecReader.Result spec;
    try {
      spec = reader.read(f.absolute(), text);
    } catch (IOException | RuntimeException e) {
      ctx.coverage().skip(f.path(), null, SkipReason.PARSE_ERROR, firstLine(e.getMessage()));
      return out;
    }
    ctx.coverage().candidates(spec.candidates().size());
    if (spec.candidates().isEmpty()) {
      ctx.coverage().skip(f.path(), null, SkipReason.NO_CANDIDATES, "the spec has no operations");
    }
    for (SpecReader.Candidate c : spec.candidates()) {
      String problem = spec.unresolved().get(c.key());
      if (problem != null) {
        ctx.coverage().skip(f.path(), c.key(), SkipReason.PARSE_ERROR, problem);
        continue;
      }
      Operation op = operation(spec, c);
      if (op == null) {
        String why = spec.messages().isEmpty() ? "swagger-parser returned no such operation"
            : "swagger-parser: " + String.join("; ", spec.messages().subList(0, Math.min(3, spec.messages().size())));
        ctx.coverage().skip(f.path(), c.key(), SkipReason.PARSE_ERROR, why);
        continue;
      }
      try {
        PathItem item = spec.api().getPaths().get(c.path());
        OperationModel model = OperationModels.of(spec.api(), c.path(), item, c.method(), op, spec.external());
        out.add(ClientExample.build(repo, ctx, f.path(), spec, model, language));
      } catch (RuntimeException e) {
        ctx.coverage().skip(f.path(), c.key(), SkipReason.INCOMPLETE,
            "cannot build a client call: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
      }
    }
    return out;
  }

  private static Operation operation(SpecReader.Result spec, SpecReader.Candidate c) {
    if (spec.api() == null || spec.api().getPaths() == null) {
      return null;
    }
    PathItem item = spec.api().getPaths().get(c.path());
    if (item == null) {
      return null;
    }
    try {
      return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(c.method().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
