package dev.quarry.extract.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes a small component that uses a hook with its real parameters and return shape. */
final class HookUsage {
  private static final Set<String> ACTION_PREFIXES = Set.of("set", "toggle", "reset", "refresh", "start", "stop",
      "clear", "open", "close", "fetch", "load", "run", "cancel", "send", "mutate", "update", "remove", "add",
      "delete", "trigger", "dispatch", "submit", "retry", "search", "ask", "execute", "play", "pause", "on",
      "handle", "inc", "dec", "push", "pop", "revalidate");
  private static final int MAX_VALUES = 4;

  private HookUsage() {}

  /** The component's file label and code. */
  static String[] component(Hook h, String importPath, boolean typed) {
    return h.framework().equals("vue") ? new String[] {"vue", vue(h, importPath, typed)}
        : new String[] {typed ? "tsx" : "jsx", react(h, importPath, typed)};
  }

  private static String importLine(Hook h, String importPath) {
    return h.defaultExport() ? "import " + h.name() + " from '" + importPath + "';"
        : "import { " + h.name() + " } from '" + importPath + "';";
  }

  private static String call(Hook h, String owner) {
    List<String> args = new ArrayList<>();
    for (Hook.Param p : h.params()) {
      args.add(p.name().equals("rest") ? "..." + owner + "rest" : owner + p.name());
    }
    return h.name() + "(" + String.join(", ", args) + ")";
  }

  private static String binding(Hook h) {
    return switch (h.shape()) {
      case "array" -> h.returned().isEmpty() ? "result" : "[" + String.join(", ", h.returned()) + "]";
      case "object" -> h.returned().isEmpty() ? "result" : "{ " + String.join(", ", h.returned()) + " }";
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

  private static String react(Hook h, String importPath, boolean typed) {
    String component = componentName(h);
    StringBuilder sb = new StringBuilder();
    sb.append(importLine(h, importPath)).append("\n\n");
    sb.append("export function ").append(component).append(typed ? h.typeParameters() : "").append("(")
        .append(props(h, typed)).append(") {\n");
    if (h.shape().equals("none")) {
      sb.append("  ").append(call(h, "")).append(";\n\n");
    } else {
      sb.append("  const ").append(binding(h)).append(" = ").append(call(h, "")).append(";\n\n");
    }
    sb.append("  return (\n    <div>\n");
    int shown = 0;
    for (String v : values(h)) {
      if (shown++ >= MAX_VALUES) {
        break;
      }
      if (isAction(v)) {
        sb.append("      <button type=\"button\" onClick={() => ").append(v).append("()}>").append(v)
            .append("</button>\n");
      } else {
        sb.append("      <pre>{JSON.stringify(").append(v).append(", null, 2)}</pre>\n");
      }
    }
    sb.append("    </div>\n  );\n}");
    return sb.toString();
  }

  private static String vue(Hook h, String importPath, boolean typed) {
    StringBuilder sb = new StringBuilder("<script setup").append(typed ? " lang=\"ts\"" : "").append(">\n");
    sb.append(importLine(h, importPath)).append("\n\n");
    if (!h.params().isEmpty()) {
      String p = props(h, typed);
      sb.append("const props = defineProps").append(typed ? "<" + p.substring(p.indexOf(": {") + 2) + ">()"
          : "(" + h.params().stream().map(x -> "'" + x.name() + "'").toList() + ")").append(";\n");
    }
    String call = call(h, h.params().isEmpty() ? "" : "props.");
    sb.append(h.shape().equals("none") ? call : "const " + binding(h) + " = " + call)
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
