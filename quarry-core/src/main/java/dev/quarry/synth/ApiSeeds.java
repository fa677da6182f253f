package dev.quarry.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.eval.symbols.EndpointPath;
import dev.quarry.extract.goals.ApiEntry;
import dev.quarry.extract.goals.ApiMap;
import dev.quarry.extract.goals.Operation;
import dev.quarry.extract.goals.Surface;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform's API surfaces as seeds of synthesis, so synthetic examples go where mined ones are few. Surfaces
 * come from the {@link ApiMap} (every operation's endpoint, route handler, SDK method, hook and MCP tool, joined
 * exactly) or, without one, from {@code reports/symbols.json} (endpoint templates and the hooks the platform's own
 * code declares). Each carries the number of mined examples that mention it. {@link #next} hands out the surface
 * with the fewest mentions plus hand-outs so far that fits a seed's language (ties: map order), so a run's
 * instructions spread over the least-covered surfaces first. Deterministic; not thread-safe.
 */
final class ApiSeeds {
  private final List<ApiFocus> surfaces;
  private final long[] handedOut;

  private ApiSeeds(List<ApiFocus> surfaces) {
    this.surfaces = List.copyOf(surfaces);
    this.handedOut = new long[surfaces.size()];
  }

  /** No surfaces: instructions get no focus. */
  static ApiSeeds none() {
    return new ApiSeeds(List.of());
  }

  /** The surfaces of {@code candidates}, with their mentions counted over the mined (non-synthetic) examples. */
  static ApiSeeds of(List<ApiFocus> candidates, Path mined) {
    if (candidates.isEmpty()) {
      return none();
    }
    long[] counts = new long[candidates.size()];
    List<Pattern> words = candidates.stream().map(c -> Pattern.compile("\\b" + Pattern.quote(c.name()) + "\\b")).toList();
    try (Stream<Example> s = JsonlReader.examples(mined)) {
      for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
        Example e = it.next();
        if (e.tags().contains(Synthesizer.TAG)) {
          continue;
        }
        String text = text(e);
        Set<String> paths = EndpointPath.find(text);
        for (int i = 0; i < counts.length; i++) {
          if (mentions(candidates.get(i), words.get(i), text, paths)) {
            counts[i]++;
          }
        }
      }
    }
    List<ApiFocus> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      out.add(candidates.get(i).withExamples(counts[i]));
    }
    return new ApiSeeds(out);
  }

  /** The surfaces, in map order, with their mined mentions. */
  List<ApiFocus> surfaces() {
    return surfaces;
  }

  /** The least-covered surface a seed in {@code language} can use, counted as handed out; empty without any. */
  Optional<ApiFocus> next(String language) {
    int best = -1;
    for (int i = 0; i < surfaces.size(); i++) {
      if (surfaces.get(i).fits(language)
          && (best < 0 || load(i) < load(best))) {
        best = i;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    handedOut[best]++;
    return Optional.of(surfaces.get(best));
  }

  private long load(int i) {
    return surfaces.get(i).examples() + handedOut[i];
  }

  /** Every surface of the map, per operation: endpoint, handler, SDK method, hook, tool (each name once). */
  static List<ApiFocus> fromApiMap(ApiMap map) {
    Map<String, ApiFocus> out = new LinkedHashMap<>();
    for (ApiEntry e : map.entries()) {
      Operation op = e.operation();
      String endpoint = EndpointPath.normalise(op.path());
      out.putIfAbsent("endpoint " + endpoint, new ApiFocus("endpoint", endpoint, op.route(), "", op.route(),
          op.spec() + ":" + op.line(), op.summary(), 0));
      for (Optional<Surface> s : List.of(e.handler(), e.sdk(), e.hook(), e.tool())) {
        s.ifPresent(x -> {
          ApiFocus f = surface(x, op);
          out.putIfAbsent(f.kind() + " " + f.name(), f);
        });
      }
    }
    return List.copyOf(out.values());
  }

  private static ApiFocus surface(Surface s, Operation op) {
    String kind = switch (s.kind()) {
      case HANDLER -> "handler";
      case SDK_METHOD -> "sdk-method";
      case HOOK -> "hook";
      case TOOL -> "tool";
    };
    String owner = s.kind() == Surface.Kind.SDK_METHOD && !s.detail("class").isEmpty() ? s.detail("class") + "." : "";
    String display = owner + s.name() + (s.kind() == Surface.Kind.TOOL ? "" : "(" + String.join(", ", s.params()) + ")");
    String ext = s.path().contains(".") ? s.path().substring(s.path().lastIndexOf('.') + 1) : "";
    return new ApiFocus(kind, s.name(), display, ApiFocus.family(ext), op.route(), s.path() + ":" + s.line(),
        op.summary(), 0);
  }

  /**
   * The surfaces of a {@code reports/symbols.json}: its endpoint templates (not concrete paths such as
   * {@code /v1/tasks/sample-task-id} when {@code /v1/tasks/{}} is there, nor bare prefixes such as {@code /v1}) and
   * the hooks the platform's own code declares (in {@code definitions}, so not React's {@code useState}).
   *
   * @throws IOException when the file cannot be read
   */
  static List<ApiFocus> fromSymbols(Path symbols) throws IOException {
    if (!Files.isRegularFile(symbols)) {
      return List.of();
    }
    JsonNode n = Json.mapper().readTree(symbols.toFile());
    Set<String> endpoints = new TreeSet<>();
    n.path("endpoints").forEach(e -> endpoints.add(e.asText()));
    Set<String> definitions = new TreeSet<>();
    n.path("definitions").forEach(e -> definitions.add(e.asText()));
    List<ApiFocus> out = new ArrayList<>();
    for (String e : endpoints) {
      if (e.chars().filter(c -> c == '/').count() >= 2 && !instanceOfTemplate(e, endpoints)) {
        out.add(new ApiFocus("endpoint", e, e, "", "", "", "", 0));
      }
    }
    n.path("hooks").forEach(h -> {
      if (definitions.contains(h.asText())) {
        out.add(new ApiFocus("hook", h.asText(), h.asText() + "()", "typescript", "", "", "", 0));
      }
    });
    return out;
  }

  /** Whether some other endpoint is {@code path} with one or more segments as {@code {}}. */
  private static boolean instanceOfTemplate(String path, Set<String> endpoints) {
    return endpoints.stream().anyMatch(o -> !o.equals(path) && o.contains("{}") && instanceOf(path, o));
  }

  private static boolean mentions(ApiFocus f, Pattern word, String text, Set<String> paths) {
    if (f.kind().equals("endpoint")) {
      return paths.stream().anyMatch(p -> EndpointPath.sameRoute(p, f.name()) || instanceOf(p, f.name()));
    }
    return word.matcher(text).find();
  }

  /** Whether {@code path} is {@code template} with its {@code {}} segments filled ({@code /v1/tasks/abc}). */
  private static boolean instanceOf(String path, String template) {
    String[] p = path.split("/");
    String[] t = template.split("/");
    if (p.length != t.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (!t[i].equals(p[i]) && !t[i].equals("{}")) {
        return false;
      }
    }
    return true;
  }

  private static String text(Example e) {
    StringBuilder b = new StringBuilder();
    if (e.source().symbol() != null) {
      b.append(e.source().symbol()).append('\n');
    }
    for (Message m : e.messages()) {
      b.append(m.content()).append('\n');
    }
    return b.toString();
  }
}
