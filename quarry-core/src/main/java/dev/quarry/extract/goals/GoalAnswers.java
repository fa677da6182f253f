package dev.quarry.extract.goals;

import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Composes the goal of an operation and the answers for each caller from the {@code goals} templates and the
 * facts of an {@link ApiEntry}. Deterministic; not thread-safe (the templates cache).
 */
final class GoalAnswers {
  /**
   * An answer with the facts it states.
   *
   * @param text the answer
   * @param sources each stated fact and where it was read, in order
   */
  record Answer(String text, Map<String, Where> sources) {}

  /**
   * A place in the repository.
   *
   * @param path the file
   * @param line the line, 1-based
   */
  record Where(String path, int line) {}

  private final Templates templates;
  private final Set<String> verbs;

  GoalAnswers(Templates templates) {
    this.templates = templates;
    this.verbs = Set.copyOf(templates.get("goal-verbs").variants().stream().map(v -> v.strip().toLowerCase(Locale.ROOT))
        .toList());
  }

  /** The goal of {@code op} as a task ("list collections", "use the similarity search"); "" without a summary. */
  String task(Operation op) {
    String s = op.summary().strip().replaceAll("[.]$", "");
    if (s.isEmpty()) {
      return "";
    }
    String lower = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    return verbs.contains(s.split("\\s+")[0].toLowerCase(Locale.ROOT)) ? lower : "use the " + lower;
  }

  /** The goal of {@code op} as a clause, from its summary; "" when it has none. */
  String goal(Operation op) {
    String s = op.summary().strip().replaceAll("[.]$", "");
    if (s.isEmpty()) {
      return "";
    }
    String first = s.split("\\s+")[0].toLowerCase(Locale.ROOT);
    String lower = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    if (verbs.contains(first)) {
      return "I want to " + lower;
    }
    return "I need " + ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
  }

  Answer react(ApiEntry e) {
    Operation op = e.operation();
    Map<String, String> v = common(e);
    Map<String, Where> sources = sources(e);
    if (e.hook().isPresent()) {
      Surface hook = e.hook().get();
      v.put("hook", hook.name());
      v.put("package", hook.detail("package"));
      v.put("hook_path", hook.path());
      v.put("hook_line", Integer.toString(hook.line()));
      v.put("state", state(hook));
      v.put("provider_sentence", provider(hook.detailName("provider"), op));
      v.put("snippet", Snippets.react(hook, op));
      v.put("near_miss", fill("near-react", op, v));
      sources.put("the hook " + hook.name() + " calls " + v.get("sdk_call"), new Where(hook.path(), hook.line()));
      return new Answer(fill("answer-react", op, v), sources);
    }
    Surface sdk = e.sdk().orElseThrow();
    v.put("client_hook", sdk.detailName("client-hook"));
    v.put("package", sdk.detail("package"));
    v.put("provider_sentence", provider(sdk.detailName("provider"), op));
    v.put("snippet", Snippets.reactClient(sdk, op));
    v.put("class", sdk.detail("class"));
    v.put("near_miss", fill("near-react-client", op, v));
    return new Answer(fill("answer-react-client", op, v), sources);
  }

  Answer service(ApiEntry e, String envPrefix) {
    Operation op = e.operation();
    Surface sdk = e.sdk().orElseThrow();
    Map<String, String> v = common(e);
    v.put("package", sdk.detail("package"));
    v.put("snippet", Snippets.service(sdk, op, envPrefix));
    v.put("hook", e.hook().map(Surface::name).orElse(""));
    v.put("near_miss", fill(e.hook().isPresent() ? "near-service-hook" : "near-service", op, v));
    return new Answer(fill("answer-service", op, v), sources(e));
  }

  Answer agent(ApiEntry e) {
    Operation op = e.operation();
    Surface tool = e.tool().orElseThrow();
    Map<String, String> v = common(e);
    v.put("tool", tool.name());
    v.put("server", tool.detail("server"));
    v.put("tool_line", Integer.toString(tool.line()));
    List<String> args = tool.detailsOf("arg");
    v.put("arguments_sentence", args.isEmpty() ? fill("sentence-no-arguments", op, v)
        : fill("sentence-arguments", op, Map.of("arguments",
            args.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", ")))));
    v.put("snippet", Snippets.toolCall(tool));
    v.put("errors_sentence", op.errorCodes().isEmpty() ? ""
        : fill("sentence-errors-tool", op, Map.of("codes", codes(op))));
    v.put("near_miss", fill("near-agent", op, v));
    Map<String, Where> sources = sources(e);
    sources.put("the tool " + tool.name() + " calls " + op.operationId(), new Where(tool.path(), tool.line()));
    return new Answer(fill("answer-agent", op, v), sources);
  }

  private Map<String, String> common(ApiEntry e) {
    Operation op = e.operation();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("route", op.route());
    v.put("operation", op.operationId());
    e.sdk().ifPresent(s -> {
      v.put("sdk_call", s.detail("class") + "." + s.name());
      v.put("sdk_path", s.path());
      v.put("sdk_line", Integer.toString(s.line()));
      v.put("error", s.detail("error").isEmpty() ? "an error" : s.detail("error"));
    });
    v.putIfAbsent("sdk_call", op.operationId());
    v.putIfAbsent("error", "an error");
    String scope;
    if (op.isPublic()) {
      scope = fill("sentence-public", op, v);
    } else if (e.handler().isPresent() && !e.handler().get().detail("scope").isEmpty()) {
      Surface h = e.handler().get();
      scope = fill("sentence-scope", op, Map.of("handler", h.name(), "handler_path", h.path(), "handler_line",
          Integer.toString(h.line()), "scope", h.detail("scope")));
    } else {
      scope = fill("sentence-key", op, v);
    }
    v.put("scope_sentence", scope);
    v.put("errors_sentence", op.errorCodes().isEmpty() ? ""
        : fill("sentence-errors", op, Map.of("codes", codes(op), "error", v.get("error"))));
    return v;
  }

  private static Map<String, Where> sources(ApiEntry e) {
    Operation op = e.operation();
    Map<String, Where> out = new LinkedHashMap<>();
    out.put(op.route() + " is operation " + op.operationId(), new Where(op.spec(), op.line()));
    e.handler().ifPresent(h -> out.put("handler " + h.name() + (h.detail("scope").isEmpty() ? ""
        : " requires scope " + h.detail("scope")), new Where(h.path(), h.line())));
    e.sdk().ifPresent(s -> out.put("SDK method " + s.detail("class") + "." + s.name(), new Where(s.path(), s.line())));
    return out;
  }

  private String provider(String provider, Operation op) {
    return provider.isEmpty() ? "" : fill("sentence-provider", op, Map.of("provider", provider));
  }

  private static String state(Surface hook) {
    List<String> names = new ArrayList<>();
    hook.detailsOf("field").forEach(f -> names.add("`" + f.substring(0, f.indexOf(':')) + "`"));
    if (names.isEmpty()) {
      return "its result";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static String codes(Operation op) {
    List<String> out = new ArrayList<>();
    for (String c : op.errorCodes()) {
      String d = op.responses().get(c).replaceAll("[.]$", "");
      out.add(d.isEmpty() ? c : c + " (" + d + ")");
    }
    return String.join(", ", out);
  }

  private String fill(String template, Operation op, Map<String, String> values) {
    Template t = templates.get(template);
    return t.fill(op.operationId() + "#" + template, values).replaceAll("(?m)[ \\t]+$", "").strip();
  }
}
