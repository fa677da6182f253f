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

  /** The folders whose every class and public function is agent code, when no {@code paths} are configured. */
  private static final List<String> AGENT_FOLDERS = List.of("**/agents/**", "**/agent/**", "**/orchestrat*/**",
      "**/swarm/**");
  private static final List<dev.quarry.extract.Glob> AGENT_FOLDER_GLOBS = AGENT_FOLDERS.stream()
      .map(dev.quarry.extract.Glob::of).toList();

  @Override
  protected List<String> defaultPaths() {
    // Agent definitions (constructions of agent objects) are found anywhere; declarations only in AGENT_FOLDERS.
    List<String> out = new ArrayList<>(AGENT_FOLDERS);
    out.add("**/*.{py,ts,tsx,mts,js,jsx,mjs}");
    return out;
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
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    List<Candidate<?>> out = new ArrayList<>();
    List<String> configured = run.ctx().settings().optionList("constructors");
    Set<String> constructors = Set.copyOf(configured.isEmpty() ? AgentDefinitions.DEFAULT_CONSTRUCTORS : configured);
    if (file.tree().source().contains("gent")) {
      out.addAll(AgentDefinitions.of(file, constructors));
    }
    boolean agentCode = !run.ctx().settings().paths().isEmpty()
        || AGENT_FOLDER_GLOBS.stream().anyMatch(g -> g.matches(file.path()));
    if (!agentCode) {
      return out;
    }
    for (Declaration d : Declarations.of(file)) {
      boolean classLike = d.kind().equals("class");
      int lines = file.tree().lines(d.first(), d.definition()).last() - file.tree().lines(d.first()).first() + 1;
      if (classLike && lines > run.limits().maxLines()) {
        // Too long is not the end: the class's public methods become examples, shown inside its header.
        List<Declaration> parts = d.methods().stream().filter(m -> !m.kind().equals("class") && isPublic(file, m))
            .toList();
        parts.forEach(m -> out.add(new Candidate<>(m.name(), m.first(), m.definition(), new Part(d, m))));
        run.skip(file.path(), d.name(), dev.quarry.extract.SkipReason.TOO_LONG, lines + " lines > max_lines "
            + run.limits().maxLines() + "; split into " + parts.size() + " method examples");
      } else if (classLike || d.isPublic() || file.grammar() == Grammar.PYTHON && !d.name().startsWith("_")) {
        out.add(new Candidate<>(d.name(), d.first(), d.definition(), d));
      }
    }
    if (out.isEmpty()) {
      // A file of the agent folders should hold agent code: say when it holds none.
      run.skip(file.file(), dev.quarry.extract.SkipReason.NO_CANDIDATES, "no agents found");
    }
    return out;
  }

  /** A method of a class too long to be one example, with the class it belongs to. */
  private record Part(Declaration owner, Declaration method) {}

  private static boolean isPublic(CodeFile file, Declaration m) {
    String simple = m.name().substring(m.name().lastIndexOf('.') + 1);
    return file.grammar() == Grammar.PYTHON ? !simple.startsWith("_") || simple.equals("__init__") : m.isPublic();
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    if (c.data() instanceof AgentDefinitions.Definition def) {
      return Optional.of(definition(file, c, def, run));
    }
    Declaration d = c.data() instanceof Part p ? p.method() : (Declaration) c.data();
    String code = Snippet.of(file.tree(), c.first(), c.last());
    if (c.data() instanceof Part p) {
      TSNode body = p.owner().definition().getChildByFieldName("body");
      String header = Snippet.dedent(file.tree().text(p.owner().first().getStartByte(), body.getStartByte())).strip();
      boolean braces = file.grammar() != Grammar.PYTHON;
      String indent = braces ? "  " : "    ";
      code = header + (braces && !header.endsWith("{") ? " {" : "") + "\n" + indent + "...\n\n"
          + String.join("\n", code.lines().map(l -> l.isBlank() ? "" : indent + l).toList()) + (braces ? "\n}" : "");
    }
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
    a.append("\n\n").append(Snippet.fence(file.fenceLabel(), code));
    return Optional.of(new Draft(user, a.toString(), file.language(), List.of("agent", slug(pattern)),
        Map.of("agent_pattern", pattern)));
  }

  /**
   * The example of an agent construction: the request names the agent, its constructor, what its instructions
   * say and the tools it wires in (templates {@code definition-ask} and {@code definition-answer}); the answer is
   * the construction as written.
   */
  private static Draft definition(CodeFile file, Candidate<?> c, AgentDefinitions.Definition def, CodeRun run) {
    String key = file.path() + "#" + def.name() + "#" + c.first().getStartByte();
    String instructions = def.instructions().isBlank() ? "" : firstSentence(def.instructions());
    Map<String, String> v = new TreeMap<>();
    v.put("name", def.name());
    v.put("constructor", def.constructor());
    v.put("file", file.path());
    v.put("instructions", instructions);
    v.put("tools", String.join(", ", def.tools().stream().map(t -> "`" + t + "`").toList()));
    dev.quarry.extract.code.Template ask = run.templates().get("definition-ask");
    StringBuilder user = new StringBuilder(ask.fill(key, v));
    if (!instructions.isEmpty()) {
      user.append(' ').append(run.templates().get("definition-parts").fillAt(0, v));
    }
    if (!def.tools().isEmpty()) {
      user.append(' ').append(run.templates().get("definition-parts").fillAt(1, v));
    }
    String answer = run.templates().get("definition-answer").fill(key + "a", v) + "\n\n"
        + Snippet.fence(file.fenceLabel(), Snippet.of(file.tree(), c.first(), c.last()));
    return new Draft(user.toString(), answer, file.language(), List.of("agent", "agent-definition"),
        Map.of("agent_pattern", "agent definition", "agent_constructor", def.constructor()));
  }

  private static String firstSentence(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    int dot = t.indexOf(". ");
    t = dot > 0 ? t.substring(0, dot + 1) : t;
    return t.length() > 200 ? t.substring(0, 200).strip() + "…" : t;
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
