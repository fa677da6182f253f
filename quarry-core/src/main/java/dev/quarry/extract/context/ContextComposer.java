package dev.quarry.extract.context;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.Modules;
import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Templates;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Makes every generated answer self-contained, whichever extractor wrote it: the free names of each code block
 * of an assistant message are resolved ({@link Resolver}); their import lines (and short module-level
 * definitions such as {@code router = APIRouter(...)}) are put at the top of the block, and the stubs of the
 * repository symbols used — signatures, model fields, fixtures — are appended to the preceding user message as a
 * capped context block ({@code context/context-block.txt}). Names that stay unresolved are recorded in
 * {@code meta.self_contained.unresolved}; the {@code self-contained} rule reports them.
 *
 * <p>Hand-written examples ({@code handcrafted}) and history examples ({@code history}, whose code is a past
 * version of a file) are left as written. Deterministic: the same
 * repository and example give the same result. The repository's symbols are read on first use. Not thread-safe.
 */
public final class ContextComposer implements UnaryOperator<Example> {
  /** At most this many stubs in one context block. */
  static final int MAX_STUBS = 8;
  /** At most this many lines of stubs in one context block. */
  static final int MAX_CONTEXT_LINES = 60;

  private final Repository repo;
  private final Template block;
  private Resolver resolver;
  private SymbolTable table;
  private Modules modules;
  private final Map<String, SourceFacts> facts = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SourceFacts> eldest) {
      return size() > 64;
    }
  };

  /** A composer over {@code repo}'s definitions, with the built-in context block phrasings. */
  public ContextComposer(Repository repo) {
    this.repo = repo;
    this.block = new Templates("context", Map.of(), Path.of("")).get("context-block");
  }

  @Override
  public Example apply(Example e) {
    if (e.source().extractor().equals("handcrafted") || e.source().extractor().equals("history")) {
      return e;
    }
    init();
    SourceFacts src = facts.computeIfAbsent(e.source().path(), this::read);
    List<Message> out = new ArrayList<>(e.messages());
    Set<String> bound = new HashSet<>();
    List<String> imports = new ArrayList<>();
    Set<String> givenKeys = new TreeSet<>();
    Map<String, Integer> unresolved = new LinkedHashMap<>();
    boolean changed = false;
    for (int i = 0; i < out.size(); i++) {
      Message m = out.get(i);
      if (m.role() != Role.ASSISTANT) {
        continue;
      }
      AnswerComposition c = AnswerComposition.of(m.content(), src, resolver, table, bound);
      c.unresolved().forEach(unresolved::putIfAbsent);
      imports.addAll(c.imports());
      if (!c.text().equals(m.content())) {
        out.set(i, m.withContent(c.text()));
        changed = true;
      }
      int u = i - 1;
      if (u >= 0 && out.get(u).role() == Role.USER && !c.given().isEmpty()) {
        String prompt = out.get(u).content();
        String context = contextBlock(e, prompt, c.given(), givenKeys);
        if (!context.isEmpty()) {
          out.set(u, out.get(u).withContent(prompt + "\n\n" + context));
          changed = true;
        }
      }
    }
    Example result = changed ? e.withMessages(out) : e;
    ObjectNode meta = result.metaCopy();
    ObjectNode sc = meta.putObject("self_contained");
    ArrayNode im = sc.putArray("imports");
    imports.forEach(im::add);
    ArrayNode gv = sc.putArray("given");
    givenKeys.forEach(gv::add);
    ArrayNode un = sc.putArray("unresolved");
    unresolved.forEach((name, line) -> un.add(name));
    return result.withMeta(meta);
  }

  private void init() {
    if (resolver == null) {
      table = SymbolTable.of(repo);
      modules = new Modules(repo);
      Set<String> paths = new HashSet<>();
      repo.files().forEach(f -> paths.add(f.path()));
      resolver = new Resolver(table, modules, new PythonModules(paths), PackageExports.of(repo, modules),
          knownPython());
    }
  }

  private SourceFacts read(String path) {
    java.util.Optional<RepoFile> f = path == null ? java.util.Optional.empty() : modules.file(path);
    return SourceFacts.read(repo, f, path == null ? "" : path);
  }

  private String contextBlock(Example e, String prompt, Map<String, Symbol> given, Set<String> givenKeys) {
    StringBuilder stubs = new StringBuilder();
    int count = 0;
    int lines = 0;
    for (Map.Entry<String, Symbol> g : given.entrySet()) {
      Symbol s = g.getValue();
      String first = s.stub().lines().findFirst().orElse("");
      if (givenKeys.contains(g.getKey()) || prompt.contains(first) || count >= MAX_STUBS) {
        continue;
      }
      long n = s.stub().lines().count() + 1;
      if (lines + n > MAX_CONTEXT_LINES) {
        continue;
      }
      String fence = s.grammar().id();
      String comment = s.grammar() == dev.quarry.syntax.Grammar.PYTHON ? "# " : "// ";
      if (stubs.length() > 0) {
        stubs.append("\n\n");
      }
      stubs.append("```").append(fence).append('\n').append(comment).append(s.path()).append('\n')
          .append(s.stub()).append("\n```");
      givenKeys.add(g.getKey());
      count++;
      lines += (int) n;
    }
    if (stubs.length() == 0) {
      return "";
    }
    String key = e.source().path() + "#" + e.source().symbol();
    return block.fill(key, Map.of("stubs", stubs.toString()));
  }

  private static Map<String, String> knownPython() {
    String resource = "/dev/quarry/extract/context/python-known-imports.txt";
    try (InputStream in = ContextComposer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in resource " + resource);
      }
      Map<String, String> out = new TreeMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String s = line.strip();
        int space = s.indexOf(' ');
        if (!s.isEmpty() && !s.startsWith("#") && space > 0) {
          out.put(s.substring(0, space), s.substring(space + 1).strip());
        }
      }
      return out;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
