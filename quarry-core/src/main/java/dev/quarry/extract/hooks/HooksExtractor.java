package dev.quarry.extract.hooks;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Snippet;
import dev.quarry.extract.context.PackageExports;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.treesitter.TSNode;

/**
 * Exported React hooks and Vue/Svelte composables. The example asks how to use the hook in a component; the
 * answer states its signature and return shape and shows a small component calling it with its real
 * parameters and destructuring what it really returns.
 */
public final class HooksExtractor extends CodeExtractor {
  private Repository exportsRepo;
  private PackageExports packageExports;

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
    String[] component = HookUsage.component(h, origin(file, run), typed,
        typed ? HookResult.of(file, h).or(() -> HookResult.inferred(file, c.first(), h)) : Optional.empty());
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

  /** Where the demo imports from: the package entries an application would use, else the hook's module. */
  private HookUsage.Origin origin(CodeFile file, CodeRun run) {
    PackageExports exports;
    synchronized (this) {
      if (exportsRepo != run.repo()) {
        exportsRepo = run.repo();
        packageExports = PackageExports.of(run.repo(), run.modules());
      }
      exports = packageExports;
    }
    Set<String> declared = new HashSet<>();
    for (TSNode stmt : SourceTree.namedChildren(file.root())) {
      TSNode decl = stmt.getType().equals("export_statement") ? stmt.getChildByFieldName("declaration") : null;
      TSNode name = decl == null || decl.isNull() ? null : decl.getChildByFieldName("name");
      if (name != null && !name.isNull()) {
        declared.add(file.text(name));
      }
    }
    String path = file.path();
    return new HookUsage.Origin(n -> exports.forConsumer(path, n), n -> exports.forConsumerOf(path, n),
        importPath(file), declared, provider(file, run, exports));
  }

  /**
   * The package's one exported context provider, when the hook's module is its module or imports from it (the
   * hook reads the provider's context): its name, entry, and the props a caller must pass (children aside).
   */
  private static Optional<HookUsage.Provider> provider(CodeFile file, CodeRun run, PackageExports exports) {
    List<String> providers = exports.exportedEndingWith(file.path(), "Provider");
    if (providers.size() != 1) {
      return Optional.empty();
    }
    String path = providers.get(0).substring(0, providers.get(0).indexOf('#'));
    String name = providers.get(0).substring(path.length() + 1);
    boolean reads = path.equals(file.path()) || file.jsImports().all().values().stream()
        .anyMatch(b -> run.modules().js(file.path(), b.specifier()).map(f -> f.path().equals(path)).orElse(false));
    Optional<String> from = exports.forConsumerOf(path, name);
    Optional<RepoFile> source = run.modules().file(path);
    Optional<Grammar> g = Grammar.forPath(path);
    if (!reads || from.isEmpty() || source.isEmpty() || g.isEmpty()) {
      return Optional.empty();
    }
    try (CodeFile f = path.equals(file.path()) ? null : CodeFile.parse(source.get(), g.get(),
        run.repo().read(source.get()))) {
      CodeFile pf = f == null ? file : f;
      return propsType(pf, name).flatMap(t -> HookResult.declared(pf, t)).map(members -> {
        List<Hook.Param> required = new ArrayList<>();
        members.stream().filter(m -> !m.optional() && !m.name().equals("children"))
            .forEach(m -> required.add(new Hook.Param(m.name(), m.type(), false)));
        return new HookUsage.Provider(name, from.get(), required);
      });
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The type name of a component function's props parameter ({@code ({ client }: AcmeProviderProps)}). */
  private static Optional<String> propsType(CodeFile f, String component) {
    for (TSNode stmt : SourceTree.namedChildren(f.root())) {
      TSNode decl = stmt.getType().equals("export_statement") ? stmt.getChildByFieldName("declaration") : stmt;
      TSNode name = decl == null || decl.isNull() ? null : decl.getChildByFieldName("name");
      if (name == null || name.isNull() || !f.text(name).equals(component)
          || !decl.getType().equals("function_declaration")) {
        continue;
      }
      List<Hook.Param> params = HookShape.params(f, decl);
      return params.isEmpty() || !params.get(0).type().matches("[A-Z][\\w$]*") ? Optional.empty()
          : Optional.of(params.get(0).type());
    }
    return Optional.empty();
  }

  private static String importPath(CodeFile file) {
    String name = file.file().name();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return stem.equals("index") ? "." : "./" + stem;
  }
}
