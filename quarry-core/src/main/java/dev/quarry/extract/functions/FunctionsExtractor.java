package dev.quarry.extract.functions;

import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Declarations;
import dev.quarry.extract.code.Declarations.Declaration;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Signatures;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Documented public functions and classes (Python docstrings, JSDoc on exported JS/TS functions and classes,
 * Javadoc on public Java types and methods). A class that fits the size limit is one candidate; a larger one
 * is split into its public methods. The request gives the documentation and the signature; the answer is the
 * implementation as written. Public declarations without documentation are reported as incomplete.
 */
public final class FunctionsExtractor extends CodeExtractor {
  /** Functions give way to routes, MCP tools, hooks and agents that mined the same lines. */
  @Override
  public boolean yieldsSpans() {
    return true;
  }

  @Override
  public String id() {
    return "functions";
  }

  @Override
  public String defaultCategory() {
    return "sdk";
  }

  @Override
  protected List<String> defaultPaths() {
    return List.of("**/*.{py,ts,tsx,js,jsx,mjs,mts,java}");
  }

  @Override
  protected List<String> defaultExclude() {
    List<String> out = new ArrayList<>(TEST_FILES);
    out.addAll(List.of("**/*.d.ts", "**/*.stories.*", "**/migrations/**", "**/setup.py"));
    return out;
  }

  @Override
  protected Set<Grammar> grammars() {
    return Set.of(Grammar.PYTHON, Grammar.TYPESCRIPT, Grammar.TSX, Grammar.JAVASCRIPT, Grammar.JAVA);
  }

  @Override
  protected int defaultMinLines() {
    return 3;
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    List<Candidate<?>> out = new ArrayList<>();
    for (Declaration d : Declarations.of(file)) {
      if (!d.isPublic()) {
        continue;
      }
      int lines = file.tree().lines(d.first(), d.definition()).last() - file.tree().lines(d.first()).first() + 1;
      if (d.kind().equals("class") && lines > run.limits().maxLines()) {
        for (Declaration m : d.methods()) {
          if (m.isPublic() && !m.kind().equals("class")) {
            out.add(new Candidate<>(m.name(), m.first(), m.definition(), m));
          }
        }
      } else {
        out.add(new Candidate<>(d.name(), d.first(), d.definition(), d));
      }
    }
    return out;
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    Declaration d = (Declaration) c.data();
    if (d.doc().isBlank()) {
      run.skip(file.path(), d.name(), SkipReason.INCOMPLETE, "no docstring");
      return Optional.empty();
    }
    String signature = Signatures.header(file, d.definition());
    String key = file.path() + "#" + d.name();
    Map<String, String> v = new TreeMap<>();
    v.put("signature", signature);
    v.put("fenced", Snippet.fence(file.fenceLabel(), signature));
    v.put("doc", d.doc());
    v.put("name", d.name());
    v.put("kind", d.kind());
    v.put("language", languageName(file.grammar()));
    v.put("none", "");
    v.put("path", file.path());
    String user = run.templates().get("ask").fill(key, v);
    String lead = run.templates().get("answer-lead").fill(key + "a", v);
    String code = Snippet.fence(file.fenceLabel(), Snippet.of(file.tree(), c.first(), c.last()));
    return Optional.of(new Draft(user, lead.isEmpty() ? code : lead + "\n\n" + code, file.language(),
        d.kind().equals("function") ? List.of("function") : List.of("function", d.kind()),
        Map.of("declaration_kind", d.kind())));
  }

  private static String languageName(Grammar g) {
    return switch (g) {
      case PYTHON -> "Python";
      case TYPESCRIPT, TSX -> "TypeScript";
      case JAVASCRIPT -> "JavaScript";
      case JAVA -> "Java";
      default -> g.id();
    };
  }
}
