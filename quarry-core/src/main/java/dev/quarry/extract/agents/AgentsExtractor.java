package dev.quarry.extract.agents;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Declarations;
import dev.quarry.extract.code.Declarations.Declaration;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Signatures;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.treesitter.TSNode;

/**
 * Agent and orchestration code under the configured paths (default: folders named {@code agents},
 * {@code agent}, {@code orchestrat*} and {@code swarm}): every top-level class and public function. The request
 * asks to explain and implement the agent or delegation pattern; the answer explains it from its documentation
 * and structure (methods, collaborators, the pattern its names reveal) and gives the code as written.
 */
public final class AgentsExtractor extends CodeExtractor {
  private static final Map<String, String> PATTERNS = patterns();

  @Override
  public String id() {
    return "agents";
  }

  @Override
  public String defaultCategory() {
    return "agents";
  }

  @Override
  protected List<String> defaultPaths() {
    return List.of("**/agents/**", "**/agent/**", "**/orchestrat*/**", "**/swarm/**");
  }

  @Override
  protected Set<Grammar> grammars() {
    return Set.of(Grammar.PYTHON, Grammar.TYPESCRIPT, Grammar.TSX, Grammar.JAVASCRIPT, Grammar.JAVA);
  }

  @Override
  protected int defaultMinLines() {
    return 4;
  }

  @Override
  protected boolean reportsEmptyFiles() {
    return true;
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    List<Candidate<?>> out = new ArrayList<>();
    for (Declaration d : Declarations.of(file)) {
      boolean classLike = d.kind().equals("class");
      if (classLike || d.isPublic() || file.grammar() == Grammar.PYTHON && !d.name().startsWith("_")) {
        out.add(new Candidate<>(d.name(), d.first(), d.definition(), d));
      }
    }
    return out;
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    Declaration d = (Declaration) c.data();
    String pattern = pattern(file, d);
    Map<String, String> v = new TreeMap<>();
    v.put("name", d.name());
    v.put("path", file.path());
    v.put("pattern", pattern);
    String user = run.templates().get("ask").fill(file.path() + "#" + d.name(), v);
    StringBuilder a = new StringBuilder();
    a.append("`").append(d.name()).append("` is ").append(article(pattern)).append(pattern).append(".");
    if (!d.doc().isBlank()) {
      a.append(" ").append(Definitions.firstParagraph(d.doc()));
    }
    List<String> methods = d.methods().stream().filter(Declaration::isPublic)
        .map(m -> m.name().substring(m.name().lastIndexOf('.') + 1)).filter(n -> !n.startsWith("__")).toList();
    if (!methods.isEmpty()) {
      a.append("\n\nIts public interface: ").append(String.join(", ", methods.stream().limit(10)
          .map(n -> "`" + n + "`").toList())).append(".");
    }
    List<String> collaborators = collaborators(file, d);
    if (!collaborators.isEmpty()) {
      a.append(" It works with ").append(String.join(", ", collaborators.stream().map(n -> "`" + n + "`")
          .toList())).append(".");
    }
    a.append("\n\n").append("Signature: `").append(Signatures.header(file, d.definition())).append("`");
    a.append("\n\n").append(Snippet.fence(file.fenceLabel(), Snippet.of(file.tree(), c.first(), c.last())));
    return Optional.of(new Draft(user, a.toString(), file.language(), List.of("agent", slug(pattern)),
        Map.of("agent_pattern", pattern)));
  }

  /**
   * The pattern the declaration's own name states, e.g. "delegation pattern" for {@code DelegationPolicy};
   * "agent component"/"agent helper" when it states none. Names used inside the body are not evidence: a class
   * that uses a {@code RetryPolicy} is not a retry policy.
   */
  private static String pattern(CodeFile file, Declaration d) {
    String text = d.name().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : PATTERNS.entrySet()) {
      if (text.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return d.kind().equals("class") ? "agent component" : "agent helper";
  }

  private static Map<String, String> patterns() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("orchestrat", "orchestrator");
    m.put("delegat", "delegation pattern");
    m.put("handoff", "hand-off pattern");
    m.put("planner", "planner agent");
    m.put("registry", "agent registry");
    m.put("retry", "retry policy");
    m.put("router", "routing agent");
    m.put("supervisor", "supervisor agent");
    m.put("tool", "tool-using agent");
    m.put("memory", "agent memory");
    return m;
  }

  /** Capitalised names used in the declaration that are neither its own nor builtins: its collaborators. */
  private static List<String> collaborators(CodeFile file, Declaration d) {
    Set<String> out = new LinkedHashSet<>();
    String own = d.name().contains(".") ? d.name().substring(0, d.name().indexOf('.')) : d.name();
    for (String id : identifiers(file, d.definition(), 2000)) {
      if (!id.isEmpty() && Character.isUpperCase(id.charAt(0)) && !id.equals(own) && id.length() > 2
          && !id.equals(id.toUpperCase(Locale.ROOT)) && out.size() < 6 && !BUILTINS.contains(id)) {
        out.add(id);
      }
    }
    return List.copyOf(out);
  }

  private static final Set<String> BUILTINS = Set.of("None", "True", "False", "Exception", "ValueError",
      "TypeError", "RuntimeError", "KeyError", "Optional", "List", "Dict", "Any", "Callable", "Promise", "String",
      "Object", "Array", "Map", "Set", "Error", "Integer", "Boolean", "Override", "Sequence", "Mapping",
      "Iterable", "Awaitable", "Union", "Literal", "ClassVar", "Protocol", "Enum", "Field", "Record");

  private static List<String> identifiers(CodeFile file, TSNode node, int max) {
    Set<String> out = new LinkedHashSet<>();
    SourceTree.walk(node, n -> {
      if (out.size() >= max) {
        return false;
      }
      String t = n.getType();
      if (t.equals("identifier") || t.equals("type_identifier") || t.equals("property_identifier")) {
        out.add(file.text(n));
      }
      return true;
    });
    return List.copyOf(out);
  }

  private static String article(String s) {
    return "aeiou".indexOf(Character.toLowerCase(s.charAt(0))) >= 0 ? "an " : "a ";
  }

  private static String slug(String s) {
    return s.replace(' ', '-');
  }
}
