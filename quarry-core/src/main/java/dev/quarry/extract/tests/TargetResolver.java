package dev.quarry.extract.tests;

import dev.quarry.extract.Glob;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Definition;
import dev.quarry.extract.code.JsImports;
import dev.quarry.extract.code.Modules;
import dev.quarry.extract.code.PyImports;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the code a test exercises: the first name the test asserts on, calls or else uses (directly or through a
 * helper of the test file) that the test file imports from a non-test file of the repository and that is
 * defined there (following one re-export); for JUnit, the class named like
 * the test class without its {@code Test} suffix; failing that, a definition of the module named like the test
 * file ({@code test_pool.py} → {@code pool.py}) that the test's name mentions.
 */
final class TargetResolver {
  private static final List<Glob> TEST_GLOBS = CodeExtractor.TEST_FILES.stream().map(Glob::of).toList();

  private final Modules modules;

  TargetResolver(Modules modules) {
    this.modules = modules;
  }

  Optional<Definition> resolve(CodeFile f, TestCase test, Preamble preamble) {
    java.util.Set<String> expanded = new java.util.LinkedHashSet<>(test.referenced());
    for (String ref : test.referenced()) {
      preamble.helper(ref).ifPresent(h -> expanded.addAll(Identifiers.prioritized(f, h)));
    }
    List<String> refs = new java.util.ArrayList<>(expanded);
    for (int i = test.scope().size() - 1; i >= 0; i--) {
      String s = test.scope().get(i);
      refs.add(s);
      if (s.startsWith("Test") && s.length() > 4) {
        refs.add(s.substring(4));
      }
    }
    TestCase t = test.withReferenced(refs);
    return switch (f.grammar()) {
      case PYTHON -> python(f, t);
      case JAVASCRIPT, TYPESCRIPT, TSX -> js(f, t);
      case JAVA -> java(t);
      default -> Optional.empty();
    };
  }

  private Optional<Definition> python(CodeFile f, TestCase t) {
    for (String ref : t.referenced()) {
      int dot = ref.indexOf('.');
      String head = dot < 0 ? ref : ref.substring(0, dot);
      Optional<PyImports.Binding> b = f.pyImports().binding(head);
      if (b.isEmpty()) {
        continue;
      }
      Optional<Definition> d;
      if (dot >= 0) {
        String attr = ref.substring(dot + 1);
        d = modules.python(f.path(), b.get().qualified()).flatMap(m -> defined(m, attr, 0));
      } else if (b.get().name() != null) {
        d = modules.python(f.path(), b.get().module()).flatMap(m -> defined(m, b.get().name(), 0));
      } else {
        d = Optional.empty();
      }
      if (d.isPresent()) {
        return d;
      }
    }
    return byFileName(f, t);
  }

  private Optional<Definition> defined(RepoFile m, String name, int hops) {
    if (isTest(m.path())) {
      return Optional.empty();
    }
    var defs = modules.definitions(m);
    Optional<Definition> d = defs.get(name);
    if (d.isPresent() || hops > 1) {
      return d;
    }
    PyImports.Binding re = defs.imports().get(name);
    if (re != null && re.name() != null) {
      return modules.python(m.path(), re.module()).flatMap(n -> defined(n, re.name(), hops + 1));
    }
    for (java.util.Map.Entry<String, PyImports.Binding> e : defs.imports().entrySet()) {
      if (e.getKey().startsWith(PyImports.STAR)) {
        Optional<Definition> star = modules.python(m.path(), e.getValue().module())
            .flatMap(n -> defined(n, name, hops + 1));
        if (star.isPresent()) {
          return star;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Definition> byFileName(CodeFile f, TestCase t) {
    String stem = f.file().name().replace(".py", "");
    stem = stem.startsWith("test_") ? stem.substring(5) : stem.endsWith("_test") ? stem.substring(0, stem.length() - 5) : stem;
    String wanted = stem;
    for (PyImports.Binding b : f.pyImports().all().values()) {
      Optional<RepoFile> m = modules.python(f.path(), b.qualified()).or(() -> modules.python(f.path(), b.module()));
      if (m.isEmpty() || isTest(m.get().path()) || !m.get().name().replace(".py", "").equals(wanted)) {
        continue;
      }
      String testName = t.name().toLowerCase(Locale.ROOT).replace("_", "");
      Definition first = null;
      for (Definition d : modules.definitions(m.get()).all().values()) {
        if (d.name().startsWith("_")) {
          continue;
        }
        if (testName.contains(d.name().toLowerCase(Locale.ROOT).replace("_", ""))) {
          return Optional.of(d);
        }
        if (first == null || d.kind().equals("class") && !first.kind().equals("class")) {
          first = d;
        }
      }
      return Optional.ofNullable(first);
    }
    return Optional.empty();
  }

  private Optional<Definition> js(CodeFile f, TestCase t) {
    for (String ref : t.referenced()) {
      int dot = ref.indexOf('.');
      String head = dot < 0 ? ref : ref.substring(0, dot);
      Optional<JsImports.Binding> b = f.jsImports().binding(head);
      if (b.isEmpty()) {
        continue;
      }
      Optional<RepoFile> m = modules.js(f.path(), b.get().specifier());
      if (m.isEmpty() || isTest(m.get().path())) {
        continue;
      }
      String name = b.get().name();
      if (name.equals(JsImports.NAMESPACE)) {
        if (dot < 0) {
          continue;
        }
        name = ref.substring(dot + 1);
      } else if (name.equals(JsImports.DEFAULT)) {
        name = head;
      }
      Optional<Definition> d = modules.definitions(m.get()).get(name);
      if (d.isPresent()) {
        return d;
      }
    }
    return jsByFileName(f);
  }

  /** {@code useMap.test.ts} tests what it imports under the name {@code useMap} or from a file {@code useMap.*}. */
  private Optional<Definition> jsByFileName(CodeFile f) {
    String stem = f.file().name();
    int dot = stem.indexOf('.');
    stem = dot > 0 ? stem.substring(0, dot) : stem;
    for (var e : f.jsImports().all().entrySet()) {
      Optional<RepoFile> m = modules.js(f.path(), e.getValue().specifier());
      if (m.isEmpty() || isTest(m.get().path())) {
        continue;
      }
      String fileStem = m.get().name().contains(".") ? m.get().name().substring(0, m.get().name().indexOf('.'))
          : m.get().name();
      if (e.getKey().equals(stem) || fileStem.equals(stem)) {
        String name = e.getValue().name().equals(JsImports.DEFAULT) ? e.getKey() : e.getValue().name();
        Optional<Definition> d = modules.definitions(m.get()).get(name);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Definition> java(TestCase t) {
    String cls = t.scope().isEmpty() ? "" : t.scope().get(0);
    for (String suffix : List.of("Tests", "Test", "IT", "Spec")) {
      if (cls.endsWith(suffix) && cls.length() > suffix.length()) {
        String target = cls.substring(0, cls.length() - suffix.length());
        Optional<Definition> d = modules.javaType(target).filter(m -> !isTest(m.path()))
            .flatMap(m -> modules.definitions(m).get(target));
        if (d.isPresent()) {
          return d;
        }
      }
    }
    for (String ref : t.referenced()) {
      if (ref.isEmpty() || !Character.isUpperCase(ref.charAt(0)) || ref.contains(".")) {
        continue;
      }
      Optional<Definition> d = modules.javaType(ref).filter(m -> !isTest(m.path()))
          .flatMap(m -> modules.definitions(m).get(ref));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static boolean isTest(String path) {
    return TEST_GLOBS.stream().anyMatch(g -> g.matches(path));
  }
}
