package dev.quarry.extract.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a small component that uses a hook with its real parameters and return shape. In TypeScript the
 * component is written as an application outside the package would write it, so it type-checks against the
 * package: the hook and the types its props name are imported from the package entry that exports them, and an
 * action of the declared result type is called with arguments of its declared parameter types (one it cannot
 * give a value is shown, not called).
 */
final class HookUsage {
  private static final Set<String> ACTION_PREFIXES = Set.of("set", "toggle", "reset", "refresh", "start", "stop",
      "clear", "open", "close", "fetch", "load", "run", "cancel", "send", "mutate", "update", "remove", "add",
      "delete", "trigger", "dispatch", "submit", "retry", "search", "ask", "execute", "play", "pause", "on",
      "handle", "inc", "dec", "push", "pop", "revalidate");
  /** Global TypeScript and DOM types a demo may name without an import. */
  private static final Set<String> GLOBAL_TYPES = Set.of("Array", "ReadonlyArray", "Record", "Partial", "Required",
      "Readonly", "Pick", "Omit", "Exclude", "Extract", "NonNullable", "ReturnType", "Parameters", "Awaited",
      "Promise", "PromiseLike", "Map", "Set", "Date", "Error", "RegExp", "Function", "Object", "String", "Number",
      "Boolean", "AbortSignal", "AbortController", "Blob", "File", "FormData", "Headers", "Request", "Response",
      "URL", "HTMLElement", "HTMLInputElement", "Event", "MouseEvent", "KeyboardEvent", "Iterable",
      "AsyncIterable", "ReadableStream", "Uint8Array", "ArrayBuffer", "JSX", "React");
  private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w$.'\"])[A-Z][\\w$]*");
  private static final Pattern TYPE_PARAMETER = Pattern.compile("[<,]\\s*([A-Z][\\w$]*)");
  private static final int MAX_VALUES = 4;
  private static final int MAX_SHOWN_VALUES = 3;
  private static final int MAX_ACTIONS = 2;

  /**
   * Where the demo imports a name from.
   *
   * @param exported the package entry an application imports a name from, if the package exports it
   * @param exportedHere the package entry an application imports a name of the hook's module from
   * @param module the hook's own module, relative to a component beside it ({@code ./useChat})
   * @param declaredHere names the hook's module declares and exports
   * @param provider the context provider the hook reads, if the package exports one
   */
  record Origin(Function<String, Optional<String>> exported, Function<String, Optional<String>> exportedHere,
      String module, Set<String> declaredHere, Optional<Provider> provider) {
    Origin {
      declaredHere = Set.copyOf(declaredHere);
    }
  }

  /**
   * A context provider an application wraps the component in.
   *
   * @param name its name ({@code AcmeProvider})
   * @param from the package entry exporting it
   * @param props the props a caller must pass (children aside), with their types
   */
  record Provider(String name, String from, List<Hook.Param> props) {
    Provider {
      props = List.copyOf(props);
    }
  }

  private HookUsage() {}

  /** The component's fence label and code. */
  static String[] component(Hook h, Origin origin, boolean typed, Optional<List<HookResult.Member>> result) {
    return h.framework().equals("vue") ? new String[] {"vue", vue(h, origin, typed)}
        : new String[] {typed ? "tsx" : "jsx", react(h, origin, typed, result)};
  }

  /** The import lines: the hook, then {@code import type} of the types its props name, grouped by module. */
  private static String imports(Hook h, Origin origin, boolean typed, Optional<Provider> wrap) {
    String hookFrom = origin.exportedHere().apply(h.name()).orElse(origin.module());
    Set<String> values = new TreeSet<>(Set.of(h.name()));
    wrap.filter(p -> p.from().equals(hookFrom)).ifPresent(p -> values.add(p.name()));
    StringBuilder sb = new StringBuilder(h.defaultExport() && hookFrom.equals(origin.module())
        ? "import " + h.name() + " from '" + hookFrom + "';"
        : "import { " + String.join(", ", values) + " } from '" + hookFrom + "';");
    wrap.filter(p -> !p.from().equals(hookFrom)).ifPresent(p -> sb.append("\nimport { ").append(p.name())
        .append(" } from '").append(p.from()).append("';"));
    if (!typed) {
      return sb.toString();
    }
    Map<String, Set<String>> types = new TreeMap<>();
    Set<String> wanted = new LinkedHashSet<>(typeNames(h));
    wrap.ifPresent(p -> p.props().forEach(x -> wanted.addAll(typeNames(x.type(), Set.of()))));
    for (String name : wanted) {
      Optional<String> from = origin.exported().apply(name)
          .or(() -> origin.declaredHere().contains(name) ? Optional.of(origin.module()) : Optional.empty());
      from.ifPresent(f -> types.computeIfAbsent(f, k -> new TreeSet<>()).add(name));
    }
    types.forEach((from, names) -> sb.append("\nimport type { ").append(String.join(", ", names))
        .append(" } from '").append(from).append("';"));
    return sb.toString();
  }

  /** Capitalised names the props' types and the type parameters use, minus the type parameters themselves. */
  private static Set<String> typeNames(Hook h) {
    Set<String> own = new TreeSet<>();
    Matcher tp = TYPE_PARAMETER.matcher(h.typeParameters());
    while (tp.find()) {
      own.add(tp.group(1));
    }
    Set<String> out = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>(h.params().stream().map(Hook.Param::type).toList());
    texts.add(h.typeParameters());
    texts.forEach(t -> out.addAll(typeNames(t, own)));
    return out;
  }

  private static Set<String> typeNames(String type, Set<String> own) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = TYPE_NAME.matcher(type.replaceAll("'[^']*'|\"[^\"]*\"", ""));
    while (m.find()) {
      if (!own.contains(m.group()) && !GLOBAL_TYPES.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  /**
   * The provider to wrap a typed React demo in: when the hook reads one and every required prop of the demo
   * can be given a value.
   */
  private static Optional<Provider> wrap(Hook h, Origin origin, boolean typed) {
    if (!typed || !h.framework().equals("react")) {
      return Optional.empty();
    }
    for (Hook.Param p : h.params()) {
      if (!p.optional() && literal(p).isEmpty()) {
        return Optional.empty();
      }
    }
    return origin.provider();
  }

  /** An {@code App} that renders the demo inside the provider, taking the provider's required props. */
  private static String app(Hook h, Provider p) {
    List<String> names = p.props().stream().map(Hook.Param::name).toList();
    List<String> types = p.props().stream().map(x -> x.name() + ": " + x.type()).toList();
    StringBuilder sb = new StringBuilder("\n\nexport function App(");
    if (!names.isEmpty()) {
      sb.append("{ ").append(String.join(", ", names)).append(" }: { ").append(String.join("; ", types))
          .append(" }");
    }
    sb.append(") {\n  return (\n    <").append(p.name());
    names.forEach(n -> sb.append(' ').append(n).append("={").append(n).append('}'));
    sb.append(">\n      <").append(componentName(h));
    for (Hook.Param x : h.params()) {
      if (!x.optional()) {
        String v = literal(x).orElseThrow();
        sb.append(' ').append(x.name()).append('=').append(v.startsWith("\"") ? v : "{" + v + "}");
      }
    }
    return sb.append(" />\n    </").append(p.name()).append(">\n  );\n}").toString();
  }

  private static String call(Hook h, String owner) {
    List<String> args = new ArrayList<>();
    for (Hook.Param p : h.params()) {
      args.add(p.name().equals("rest") ? "..." + owner + "rest" : owner + p.name());
    }
    return h.name() + "(" + String.join(", ", args) + ")";
  }

  private static String binding(Hook h, List<String> names) {
    return switch (h.shape()) {
      case "array" -> names.isEmpty() ? "result" : "[" + String.join(", ", names) + "]";
      case "object" -> names.isEmpty() ? "result" : "{ " + String.join(", ", names) + " }";
      default -> "result";
    };
  }

  private static List<String> values(Hook h) {
    if (h.shape().equals("none")) {
      return List.of();
    }
    return h.shape().equals("value") || h.returned().isEmpty() ? List.of("result") : h.returned();
  }

  private static String props(Hook h, boolean typed) {
    if (h.params().isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Hook.Param p : h.params()) {
      names.add(p.name());
      String type = p.type().isEmpty() ? "unknown" : p.type();
      types.add(p.name() + (p.optional() ? "?: " : ": ") + (p.name().equals("rest") ? "any[]" : type));
    }
    return "{ " + String.join(", ", names) + " }" + (typed ? ": { " + String.join("; ", types) + " }" : "");
  }

  /**
   * What the component shows: per destructured name, {@code null} for a value rendered as JSON, else the call
   * a button makes.
   */
  private static Map<String, String> shown(Hook h, boolean typed, Optional<List<HookResult.Member>> result) {
    Map<String, String> out = new LinkedHashMap<>();
    if (result.isPresent() && (h.shape().equals("object") || h.shape().equals("array"))) {
      Map<String, HookResult.Member> byName = new LinkedHashMap<>();
      result.get().forEach(m -> byName.put(m.name(), m));
      List<String> order = h.returned().isEmpty() || !byName.keySet().containsAll(h.returned())
          ? List.copyOf(byName.keySet()) : h.returned();
      int valueCount = 0;
      int actionCount = 0;
      for (String name : order) {
        HookResult.Member m = byName.get(name);
        if (m == null) {
          continue;
        }
        Optional<String> invocation = m.function() ? invocation(m) : Optional.empty();
        if (invocation.isPresent() && actionCount < MAX_ACTIONS) {
          out.put(name, invocation.get());
          actionCount++;
        } else if (!m.function() && valueCount < MAX_SHOWN_VALUES) {
          out.put(name, null);
          valueCount++;
        }
      }
      return out;
    }
    for (String v : values(h)) {
      if (out.size() >= MAX_VALUES) {
        break;
      }
      // Without a declared result type a typed demo cannot know an action's arguments: it shows the value.
      out.put(v, !typed && isAction(v) ? v + "()" : null);
    }
    return out;
  }

  /** The call of an action with a value of each required parameter's declared type, if every one has one. */
  private static Optional<String> invocation(HookResult.Member m) {
    List<String> args = new ArrayList<>();
    for (Hook.Param p : m.params()) {
      if (p.optional() || p.name().equals("rest")) {
        continue;
      }
      Optional<String> v = literal(p);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      args.add(v.get());
    }
    String call = m.name() + "(" + String.join(", ", args) + ")";
    return Optional.of(m.async() ? "void " + call : call);
  }

  private static Optional<String> literal(Hook.Param p) {
    String t = p.type().strip();
    if (t.startsWith("'") || t.startsWith("\"")) {
      int end = t.indexOf(t.charAt(0), 1);
      return end > 0 ? Optional.of(t.substring(0, end + 1)) : Optional.empty();
    }
    return switch (t) {
      case "string" -> Optional.of("\"" + words(p.name()) + "\"");
      case "number" -> Optional.of("1");
      case "boolean" -> Optional.of("true");
      case "number[]", "Array<number>" -> Optional.of("[0.1, 0.2, 0.3]");
      case "string[]", "Array<string>" -> Optional.of("[\"" + words(p.name()) + "\"]");
      default -> t.endsWith("[]") ? Optional.of("[]") : Optional.empty();
    };
  }

  /** {@code searchText} → {@code search text}: a readable stand-in value named after the parameter. */
  private static String words(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
  }

  private static String react(Hook h, Origin origin, boolean typed, Optional<List<HookResult.Member>> result) {
    String component = componentName(h);
    Map<String, String> shown = shown(h, typed, result);
    Optional<Provider> wrap = wrap(h, origin, typed);
    StringBuilder sb = new StringBuilder();
    sb.append(imports(h, origin, typed, wrap)).append("\n\n");
    sb.append("export function ").append(component).append(typed ? h.typeParameters() : "").append("(")
        .append(props(h, typed)).append(") {\n");
    if (h.shape().equals("none")) {
      sb.append("  ").append(call(h, "")).append(";\n\n");
    } else {
      // An object binds only what the component shows; a tuple binds by position, so every element.
      List<String> names = result.isPresent() && h.shape().equals("object") ? List.copyOf(shown.keySet())
          : h.returned();
      sb.append("  const ").append(binding(h, names)).append(" = ").append(call(h, "")).append(";\n\n");
    }
    sb.append("  return (\n    <div>\n");
    shown.forEach((v, action) -> {
      if (action != null) {
        sb.append("      <button type=\"button\" onClick={() => ").append(action).append("}>").append(v)
            .append("</button>\n");
      } else {
        sb.append("      <pre>{JSON.stringify(").append(v).append(", null, 2)}</pre>\n");
      }
    });
    sb.append("    </div>\n  );\n}");
    wrap.ifPresent(p -> sb.append(app(h, p)));
    return sb.toString();
  }

  private static String vue(Hook h, Origin origin, boolean typed) {
    StringBuilder sb = new StringBuilder("<script setup").append(typed ? " lang=\"ts\"" : "").append(">\n");
    sb.append(imports(h, origin, typed, Optional.empty())).append("\n\n");
    if (!h.params().isEmpty()) {
      String p = props(h, typed);
      sb.append("const props = defineProps").append(typed ? "<" + p.substring(p.indexOf(": {") + 2) + ">()"
          : "(" + h.params().stream().map(x -> "'" + x.name() + "'").toList() + ")").append(";\n");
    }
    String call = call(h, h.params().isEmpty() ? "" : "props.");
    sb.append(h.shape().equals("none") ? call : "const " + binding(h, h.returned()) + " = " + call)
        .append(";\n</script>\n\n<template>\n  <div>\n");
    int shown = 0;
    for (String v : values(h)) {
      if (shown++ >= MAX_VALUES) {
        break;
      }
      if (isAction(v)) {
        sb.append("    <button type=\"button\" @click=\"").append(v).append("()\">").append(v).append("</button>\n");
      } else {
        sb.append("    <pre>{{ ").append(v).append(" }}</pre>\n");
      }
    }
    return sb.append("  </div>\n</template>").toString();
  }

  private static boolean isAction(String name) {
    for (String p : ACTION_PREFIXES) {
      if (name.equals(p) || name.startsWith(p) && name.length() > p.length()
          && Character.isUpperCase(name.charAt(p.length()))) {
        return true;
      }
    }
    return false;
  }

  private static String componentName(Hook h) {
    String base = h.name().substring(3);
    return (base.isEmpty() ? "Hook" : base) + "Demo";
  }
}
