package dev.quarry.extract.context;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.code.JsImports;
import dev.quarry.extract.code.Modules;
import dev.quarry.extract.code.PyImports;
import dev.quarry.syntax.FreeNames;
import dev.quarry.syntax.Grammar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one free name of an answer's code, in this order: the source file's own imports (relative Python
 * modules made absolute, relative TypeScript paths replaced by the package name when its export map exports
 * the symbol), a definition of the source file itself (a short assignment is repeated, a function or class
 * imported from the file's module; TypeScript shows it as given context), a test-runner global, another file's
 * definition (nearest first), and for Python a fixed list of standard-library imports.
 */
final class Resolver {
  /** Where a resolved name's parts go: its import, a repeated definition, a stub for the context block. */
  record Into(ImportSet imports, List<String> inline, Map<String, Symbol> given) {}

  private final SymbolTable table;
  private final Modules modules;
  private final PythonModules pythonModules;
  private final PackageExports exports;
  private final Map<String, String> knownPython;

  Resolver(SymbolTable table, Modules modules, PythonModules pythonModules, PackageExports exports,
      Map<String, String> knownPython) {
    this.table = table;
    this.modules = modules;
    this.pythonModules = pythonModules;
    this.exports = exports;
    this.knownPython = knownPython;
  }

  /** Resolves {@code name} used by code of {@code g} in an example from {@code src}; false when unresolved. */
  boolean resolve(String name, Grammar g, SourceFacts src, Into into) {
    return g == Grammar.PYTHON ? python(name, src, into) : script(name, g, src, into);
  }

  private boolean python(String name, SourceFacts src, Into into) {
    if (src.speaks(Grammar.PYTHON)) {
      PyImports.Binding b = src.python().get(name);
      if (b != null && !PyImports.STAR.equals(b.name())) {
        Optional<RepoFile> target = modules.python(src.path(), b.module());
        String module = b.module().startsWith(".") && target.isPresent()
            ? pythonModules.moduleOf(target.get().path()) : b.module();
        if (b.name() == null) {
          into.imports().module(module, name);
        } else {
          into.imports().name(module, b.name(), name);
          target.flatMap(t -> table.inFile(t.path(), b.name())).ifPresent(s -> into.given().putIfAbsent(key(s), s));
        }
        return true;
      }
      Optional<Symbol> own = table.inFile(src.path(), name);
      if (own.isPresent()) {
        if (!own.get().inline().isEmpty()) {
          into.inline().add(own.get().inline());
        } else {
          into.imports().name(pythonModules.moduleOf(src.path()), name, null);
          into.given().putIfAbsent(key(own.get()), own.get());
        }
        return true;
      }
    }
    Optional<Symbol> other = table.elsewhere(src.path(), Grammar.PYTHON, name);
    if (other.isPresent()) {
      into.imports().name(pythonModules.moduleOf(other.get().path()), name, null);
      into.given().putIfAbsent(key(other.get()), other.get());
      return true;
    }
    String known = knownPython.get(name);
    if (known == null) {
      return false;
    }
    if (known.startsWith("from ")) {
      String[] p = known.split("\\s+");
      into.imports().name(p[1], p[3], null);
    } else {
      into.imports().module(known.substring("import ".length()).strip(), null);
    }
    return true;
  }

  private boolean script(String name, Grammar g, SourceFacts src, Into into) {
    if (src.speaks(g)) {
      JsImports.Binding b = src.script().get(name);
      if (b != null) {
        String spec = b.specifier();
        if (spec.startsWith(".")) {
          Optional<RepoFile> target = modules.js(src.path(), spec);
          if (target.isPresent()) {
            String imported = b.name().equals(JsImports.DEFAULT) || b.name().equals(JsImports.NAMESPACE)
                ? name : b.name();
            table.inFile(target.get().path(), imported).ifPresent(s -> into.given().putIfAbsent(key(s), s));
            if (!b.name().equals(JsImports.DEFAULT) && !b.name().equals(JsImports.NAMESPACE)) {
              spec = exports.specifier(src.path(), target.get().path(), b.name()).orElse(spec);
            }
          }
        }
        switch (b.name()) {
          case JsImports.DEFAULT -> into.imports().defaultImport(spec, name);
          case JsImports.NAMESPACE -> into.imports().namespace(spec, name);
          default -> into.imports().name(spec, b.name(), name);
        }
        return true;
      }
      Optional<Symbol> own = table.inFile(src.path(), name);
      if (own.isPresent()) {
        into.given().putIfAbsent(key(own.get()), own.get());
        return true;
      }
    }
    if (FreeNames.isTestGlobal(name)) {
      return true;
    }
    Optional<Symbol> other = table.elsewhere(src.path(), g, name);
    if (other.isEmpty()) {
      return false;
    }
    Symbol s = other.get();
    String spec = exports.specifier(src.path(), s.path(), name).orElseGet(() -> relative(src, s.path()));
    into.imports().name(spec, name, null);
    into.given().putIfAbsent(key(s), s);
    return true;
  }

  /** The relative specifier of {@code to} seen from the source file, in the file's extension style. */
  private static String relative(SourceFacts src, String to) {
    String[] from = SymbolTable.parent(src.path()).split("/");
    String[] target = to.split("/");
    int common = 0;
    while (common < from.length && common < target.length - 1 && !from[common].isEmpty()
        && from[common].equals(target[common])) {
      common++;
    }
    StringBuilder s = new StringBuilder();
    for (int i = common; i < from.length; i++) {
      if (!from[i].isEmpty()) {
        s.append("../");
      }
    }
    if (s.length() == 0) {
      s.append("./");
    }
    s.append(String.join("/", List.of(target).subList(common, target.length)));
    String spec = s.toString().replaceFirst("\\.(d\\.ts|tsx?|jsx?|mts|mjs)$", "");
    return src.jsExtension() ? spec + ".js" : spec;
  }

  static String key(Symbol s) {
    return s.path() + ":" + s.name();
  }
}
