package dev.quarry.extract.tests;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Signatures;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * pytest and unittest tests: module-level {@code test*} functions, and {@code test*} methods of classes named
 * {@code Test*} or deriving from a {@code *TestCase} class (directly or through a class of the same file),
 * nested classes included; decorated ({@code @pytest.mark.parametrize}) and {@code async} ones alike.
 */
final class PythonTests {
  private PythonTests() {}

  static List<Candidate<?>> tests(CodeFile f) {
    List<Candidate<?>> out = new ArrayList<>();
    Set<String> testClasses = new HashSet<>();
    boolean unittest = f.pyImports().importsAny("unittest");
    for (TSNode stmt : SourceTree.namedChildren(f.root())) {
      visit(f, stmt, List.of(), "", testClasses, unittest, out);
    }
    return out;
  }

  /** Whether a decorated function is a pytest fixture ({@code @pytest.fixture}, {@code @fixture(...)}): not a test. */
  private static boolean isFixture(CodeFile f, TSNode stmt) {
    if (!stmt.getType().equals("decorated_definition")) {
      return false;
    }
    for (TSNode dec : SourceTree.namedChildren(stmt)) {
      if (dec.getType().equals("decorator") && dec.getNamedChildCount() > 0) {
        TSNode e = dec.getNamedChild(0);
        String t = f.text(e.getType().equals("call") ? e.getChildByFieldName("function") : e);
        if (t.equals("fixture") || t.endsWith(".fixture") || t.endsWith("_fixture")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void visit(CodeFile f, TSNode stmt, List<String> scope, String header, Set<String> testClasses,
      boolean unittest, List<Candidate<?>> out) {
    TSNode def = stmt.getType().equals("decorated_definition") ? stmt.getChildByFieldName("definition") : stmt;
    if (def.getType().equals("function_definition")) {
      String name = f.text(def.getChildByFieldName("name"));
      if (!name.startsWith("test") || isFixture(f, stmt)) {
        return;
      }
      List<String> traits = new ArrayList<>();
      if (stmt != def && f.text(stmt).contains("parametrize")) {
        traits.add("parametrized");
      }
      if (f.text(def).startsWith("async")) {
        traits.add("async");
      }
      if (!scope.isEmpty()) {
        traits.add("class");
      }
      TestFramework framework = !header.isEmpty() && header.contains("TestCase") || unittest && !scope.isEmpty()
          ? TestFramework.UNITTEST : TestFramework.PYTEST;
      String symbol = scope.isEmpty() ? name : String.join(".", scope) + "." + name;
      String first = stmt == def ? "" : Parametrize.firstCase(f, stmt);
      out.add(Candidate.of(symbol, stmt, new TestCase(framework, name, name, scope, traits,
          Identifiers.prioritized(f, def), header, List.of(), first)));
      return;
    }
    if (!def.getType().equals("class_definition")) {
      return;
    }
    String cls = f.text(def.getChildByFieldName("name"));
    if (!isTestClass(f, def, cls, testClasses)) {
      return;
    }
    testClasses.add(cls);
    List<String> inner = new ArrayList<>(scope);
    inner.add(cls);
    String h = Signatures.header(f, def) + ":";
    for (TSNode s : SourceTree.namedChildren(def.getChildByFieldName("body"))) {
      visit(f, s, inner, h, testClasses, unittest, out);
    }
  }

  private static boolean isTestClass(CodeFile f, TSNode def, String name, Set<String> testClasses) {
    if (name.startsWith("Test")) {
      return true;
    }
    TSNode bases = def.getChildByFieldName("superclasses");
    if (bases == null || bases.isNull()) {
      return false;
    }
    for (TSNode b : SourceTree.namedChildren(bases)) {
      String t = f.text(b);
      String last = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
      if (last.endsWith("TestCase") || last.endsWith("TestBase") || testClasses.contains(last)
          || (last.endsWith("Test") || last.endsWith("Tests")) && (name.endsWith("Test") || name.endsWith("Tests"))) {
        return true;
      }
    }
    return false;
  }
}
