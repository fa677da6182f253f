package dev.quarry.extract.hooks;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exported React hooks and Vue/Svelte composables. The example asks how to use the hook in a component; the
 * answer states its signature and return shape and shows a small component calling it with its real
 * parameters and destructuring what it really returns.
 */
public final class HooksExtractor extends CodeExtractor {

  @Override
  public String id() {
    return "hooks";
  }

  @Override
  public String defaultCategory() {
    return "sdk";
  }

  @Override
  protected List<String> defaultPaths() {
    return List.of("**/*.{ts,tsx,js,jsx,mjs,mts}");
  }

  @Override
  protected List<String> defaultExclude() {
    List<String> out = new ArrayList<>(TEST_FILES);
    out.addAll(List.of("**/*.stories.*", "**/*.d.ts", "**/stories/**", "**/docs/**", "**/examples/**",
        "**/example/**"));
    return out;
  }

  @Override
  protected int defaultMinLines() {
    return 1;
  }

  @Override
  protected Set<Grammar> grammars() {
    return Set.of(Grammar.JAVASCRIPT, Grammar.TYPESCRIPT, Grammar.TSX);
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    return HookFinder.hooks(file);
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    Hook h = (Hook) c.data();
    boolean typed = file.grammar() != Grammar.JAVASCRIPT;
    String framework = switch (h.framework()) {
      case "vue" -> "Vue";
      case "svelte" -> "Svelte";
      default -> "React";
    };
    Map<String, String> v = new TreeMap<>();
    v.put("name", h.name());
    v.put("path", file.path());
    v.put("framework", framework);
    v.put("about", h.summary().isEmpty() ? "" : " (" + h.summary() + ")");
    String key = file.path() + "#" + h.name();
    String user = run.templates().get("ask").fill(key, v);
    String[] component = HookUsage.component(h, importPath(file), typed);
    StringBuilder a = new StringBuilder();
    a.append("`").append(h.name()).append("` is ").append(h.defaultExport() ? "the default export" : "exported")
        .append(" from `").append(file.path()).append("`");
    a.append(h.summary().isEmpty() ? "." : ": " + h.summary());
    a.append("\n\n").append(Snippet.fence(file.fenceLabel(), h.signature())).append("\n\n");
    a.append(describeReturn(h)).append("\n\n");
    a.append(Snippet.fence(component[0], component[1]));
    List<String> tags = new ArrayList<>(List.of("hook", h.framework()));
    return Optional.of(new Draft(user, a.toString(), file.language(), tags,
        Map.of("hook", h.name(), "ui_framework", h.framework())));
  }

  private static String describeReturn(Hook h) {
    String args = h.params().isEmpty() ? "It takes no arguments"
        : "It takes " + String.join(", ", h.params().stream().map(p -> "`" + p.name() + "`"
            + (p.optional() ? " (optional)" : "")).toList());
    String ret = switch (h.shape()) {
      case "array" -> h.returned().isEmpty() ? " and returns an array"
          : " and returns a tuple `[" + String.join(", ", h.returned()) + "]`, so destructure it by position";
      case "object" -> h.returned().isEmpty() ? " and returns an object"
          : " and returns an object with `" + String.join("`, `", h.returned()) + "`";
      case "none" -> " and returns nothing; it works through its side effects";
      default -> " and returns a single value";
    };
    return args + ret + (h.framework().equals("vue") ? ". Call it in `<script setup>`:"
        : ". Call it at the top level of the component, never inside conditions or loops:");
  }

  private static String importPath(CodeFile file) {
    String name = file.file().name();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return stem.equals("index") ? "." : "./" + stem;
  }
}
