package dev.quarry.extract.tests;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Signatures;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/** JUnit 4/5 (and jqwik) tests: methods annotated {@code @Test}, {@code @ParameterizedTest} and the like. */
final class JUnitTests {
  private static final Set<String> ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
      "TestFactory", "TestTemplate", "Property", "Example");

  private JUnitTests() {}

  static List<Candidate<?>> tests(CodeFile f) {
    List<Candidate<?>> out = new ArrayList<>();
    for (TSNode n : SourceTree.namedChildren(f.root())) {
      if (n.getType().equals("class_declaration")) {
        visit(f, n, List.of(), out);
      }
    }
    return out;
  }

  private static void visit(CodeFile f, TSNode cls, List<String> scope, List<Candidate<?>> out) {
    List<String> inner = new ArrayList<>(scope);
    inner.add(f.text(cls.getChildByFieldName("name")));
    String header = Signatures.header(f, cls) + " {";
    for (TSNode m : SourceTree.namedChildren(cls.getChildByFieldName("body"))) {
      if (m.getType().equals("class_declaration")) {
        visit(f, m, inner, out);
        continue;
      }
      if (!m.getType().equals("method_declaration")) {
        continue;
      }
      List<String> traits = new ArrayList<>(List.of("class"));
      boolean test = false;
      for (TSNode a : Signatures.javaAnnotations(m)) {
        String name = Signatures.annotationName(f, a);
        if (ANNOTATIONS.contains(name)) {
          test = true;
          if (!name.equals("Test")) {
            traits.add("parametrized");
          }
        }
      }
      if (test) {
        String name = f.text(m.getChildByFieldName("name"));
        out.add(Candidate.of(String.join(".", inner) + "." + name, m,
            TestCase.of(TestFramework.ofJava(f), name, inner, traits, Identifiers.prioritized(f, m), header)));
      }
    }
  }
}
