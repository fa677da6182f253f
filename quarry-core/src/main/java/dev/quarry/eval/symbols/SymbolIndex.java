package dev.quarry.eval.symbols;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names a platform really has, so that eval can tell a grounded answer from an invented one. Built from
 * extracted records by {@link #build(Stream)} and written as {@code reports/symbols.json}:
 *
 * <pre>{@code
 * {"format": "quarry-symbols/1",
 *  "examples": 412,
 *  "endpoints":   ["/v1/chat", "/v1/collections/{}/vectors", …],   // normalised, see EndpointPath
 *  "hooks":       ["useAgent", "useChat", …],
 *  "symbols":     ["ChatClient", "create_collection", …],          // from source.symbol
 *  "definitions": ["RagPipeline", "build_prompt", …],              // functions, classes, types declared in code
 *  "modules":     ["@acme/sdk", "app.rag", …],                     // imported from in code blocks
 *  "identifiers": [ … ]}                                           // every other identifier in code blocks
 * }</pre>
 *
 * <p>Sources: {@code source.symbol} ({@code "POST /v1/vectors"} is an endpoint, {@code useChat} a hook,
 * {@code ChatClient.send} two symbols); endpoint paths in any message ({@code /v1/…}, {@code /api/…}, or any
 * path under the same first segment as one of those); and the code blocks of assistant messages. Lists are
 * sorted, so the same records give a byte-identical file. Immutable and thread-safe.
 */
public final class SymbolIndex {
  /** The {@code format} value of the file. */
  public static final String FORMAT = "quarry-symbols/1";

  private static final Pattern METHOD_PATH = Pattern.compile("(?i)(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|WS)\\s+(/\\S*)");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Set<String> STOP = Set.of("get", "set", "put", "post", "patch", "delete", "create", "update",
      "list", "new", "add", "remove", "to", "from", "with", "by", "is", "has", "on", "of", "for", "and", "the", "id",
      "ids", "api", "data", "value", "result", "response", "request", "self", "init", "main", "test", "async",
      "await", "make", "build", "run", "handle", "handler", "use", "app", "str", "int", "dict", "none", "all",
      "type", "name", "item", "items", "error", "default", "config", "client", "model", "base");

  private final long examples;
  private final SortedSet<String> endpoints;
  private final SortedSet<String> hooks;
  private final SortedSet<String> symbols;
  private final SortedSet<String> definitions;
  private final SortedSet<String> modules;
  private final SortedSet<String> identifiers;
  private final Set<String> endpointHeads;
  private final Set<String> vocabulary;

  private SymbolIndex(long examples, Set<String> endpoints, Set<String> hooks, Set<String> symbols,
      Set<String> definitions, Set<String> modules, Set<String> identifiers) {
    this.examples = examples;
    this.endpoints = Collections.unmodifiableSortedSet(new TreeSet<>(endpoints));
    this.hooks = Collections.unmodifiableSortedSet(new TreeSet<>(hooks));
    this.symbols = Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
    this.definitions = Collections.unmodifiableSortedSet(new TreeSet<>(definitions));
    this.modules = Collections.unmodifiableSortedSet(new TreeSet<>(modules));
    TreeSet<String> rest = new TreeSet<>(identifiers);
    rest.removeAll(this.hooks);
    rest.removeAll(this.symbols);
    rest.removeAll(this.definitions);
    this.identifiers = Collections.unmodifiableSortedSet(rest);
    TreeSet<String> heads = new TreeSet<>();
    for (String e : this.endpoints) {
      String h = EndpointPath.head(e);
      if (!h.isEmpty() && !h.equals("{}")) {
        heads.add(h);
      }
    }
    this.endpointHeads = Collections.unmodifiableSet(heads);
    TreeSet<String> vocab = new TreeSet<>();
    for (SortedSet<String> s : List.of(this.hooks, this.symbols, this.definitions)) {
      for (String n : s) {
        Names.words(n).stream().filter(SymbolIndex::meaningful).forEach(vocab::add);
      }
    }
    for (String e : this.endpoints) {
      EndpointPath.segments(e).stream().flatMap(seg -> Names.words(seg.replace('-', '_')).stream())
          .filter(SymbolIndex::meaningful).forEach(vocab::add);
    }
    this.vocabulary = Collections.unmodifiableSet(vocab);
  }

  /** An index with no names (grounding is then not applicable). */
  public static SymbolIndex empty() {
    return new SymbolIndex(0, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /**
   * Builds the index of a stream of extracted records. Keeps only sets of names, never the records.
   *
   * @param records the records; the caller closes the stream
   */
  public static SymbolIndex build(Stream<Example> records) {
    Builder b = new Builder();
    records.forEach(b::add);
    return b.build();
  }

  /**
   * Builds the index of the records of a JSONL file (e.g. {@code out/extracted/*.jsonl} or a split); lines that
   * are not valid records are skipped, as validation would reject them.
   *
   * @throws InputException when the file cannot be read
   */
  public static SymbolIndex build(Path jsonl) {
    return build(List.of(jsonl));
  }

  /**
   * As {@link #build(Path)} over several files, e.g. every {@code out/extracted/<extractor>.jsonl}:
   * {@code SymbolIndex.build(files).write(out.resolve("reports/symbols.json"))}.
   */
  public static SymbolIndex build(List<Path> jsonlFiles) {
    Builder b = new Builder();
    for (Path f : jsonlFiles) {
      try (Stream<JsonlLine> lines = JsonlReader.read(f)) {
        lines.forEach(l -> {
          if (l instanceof JsonlLine.Parsed p) {
            b.add(p.example());
          }
        });
      }
    }
    return b.build();
  }

  /** Reads an index file, or builds one from a {@code .jsonl} file of records. */
  public static SymbolIndex load(Path file) {
    return file.getFileName().toString().endsWith(".jsonl") ? build(file) : read(file);
  }

  /** Accumulates records into an index; for callers that already iterate the records. Not thread-safe. */
  public static final class Builder {
    private long count;
    private final Set<String> endpoints = new TreeSet<>();
    private final Set<String> otherPaths = new TreeSet<>();
    private final Set<String> hooks = new TreeSet<>();
    private final Set<String> symbols = new TreeSet<>();
    private final Set<String> definitions = new TreeSet<>();
    private final Set<String> modules = new TreeSet<>();
    private final Set<String> identifiers = new TreeSet<>();

    /** Adds one record's names. */
    public Builder add(Example e) {
      count++;
      symbol(e.source().symbol());
      for (Message m : e.messages()) {
        for (String p : EndpointPath.find(m.content())) {
          (EndpointPath.looksVersioned(p) ? endpoints : otherPaths).add(p);
        }
        if (m.role() == Role.ASSISTANT) {
          for (CodeBlock block : CodeBlock.of(m.content())) {
            code(block.code());
          }
        }
      }
      return this;
    }

    private void symbol(String symbol) {
      if (symbol == null || symbol.isBlank()) {
        return;
      }
      var mp = METHOD_PATH.matcher(symbol.strip());
      if (mp.matches()) {
        endpoints.add(EndpointPath.normalise(mp.group(2)));
        return;
      }
      boolean prose = symbol.strip().contains(" ");
      for (String part : symbol.split("[^A-Za-z0-9_$]+")) {
        if (IDENT.matcher(part).matches() && part.length() >= 2 && (!prose || Names.isCompound(part))) {
          (part.matches("use[A-Z].*") ? hooks : symbols).add(part);
        }
      }
    }

    private void code(String code) {
      hooks.addAll(Names.hooks(code));
      definitions.addAll(Names.declarations(code));
      modules.addAll(Names.modules(code));
      for (String id : Names.identifiers(code)) {
        if (id.length() >= 2) {
          identifiers.add(id);
        }
      }
    }

    /** The index of everything added. */
    public SymbolIndex build() {
      Set<String> eps = new TreeSet<>(endpoints);
      Set<String> heads = new TreeSet<>();
      eps.forEach(p -> heads.add(EndpointPath.head(p)));
      for (String p : otherPaths) {
        if (heads.contains(EndpointPath.head(p)) && !EndpointPath.head(p).equals("{}")) {
          eps.add(p);
        }
      }
      return new SymbolIndex(count, eps, hooks, symbols, definitions, modules, identifiers);
    }
  }

  /** Number of records the index was built from. */
  public long examples() {
    return examples;
  }

  /** Whether the index has no names at all. */
  public boolean isEmpty() {
    return endpoints.isEmpty() && hooks.isEmpty() && symbols.isEmpty() && definitions.isEmpty();
  }

  /** Normalised endpoint paths, sorted. */
  public SortedSet<String> endpoints() {
    return endpoints;
  }

  /** Hook names, sorted. */
  public SortedSet<String> hooks() {
    return hooks;
  }

  /** The platform's own names: hooks, symbols and definitions (not mere identifiers). */
  public boolean isPlatformName(String name) {
    return hooks.contains(name) || symbols.contains(name) || definitions.contains(name);
  }

  /** Whether {@code name} appears anywhere on the platform: as a platform name, a module or an identifier. */
  public boolean knows(String name) {
    return isPlatformName(name) || identifiers.contains(name) || modules.contains(name);
  }

  /** The indexed endpoint that is the same route as {@code normalisedPath}, if any. */
  public Optional<String> endpoint(String normalisedPath) {
    if (endpoints.contains(normalisedPath)) {
      return Optional.of(normalisedPath);
    }
    return endpoints.stream().filter(e -> EndpointPath.sameRoute(e, normalisedPath)).findFirst();
  }

  /** Whether a path looks like one of the platform's routes: {@code /v1/…}, {@code /api/…} or a known first segment. */
  public boolean looksLikeEndpoint(String normalisedPath) {
    return EndpointPath.looksVersioned(normalisedPath) || endpointHeads.contains(EndpointPath.head(normalisedPath));
  }

  /**
   * Whether a compound name is made mostly of the platform's words: at least two of its words, and at least
   * half, are words of the platform's own names (common words such as {@code get} or {@code data} do not count).
   */
  public boolean soundsLikePlatform(String name) {
    List<String> words = Names.words(name);
    long hits = words.stream().filter(vocabulary::contains).count();
    return words.size() >= 2 && hits >= 2 && hits * 2 >= words.size();
  }

  private static boolean meaningful(String word) {
    return word.length() >= 3 && !STOP.contains(word) && !word.chars().allMatch(Character::isDigit);
  }

  /** The index as its JSON file content. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT).put("examples", examples);
    array(o, "endpoints", endpoints);
    array(o, "hooks", hooks);
    array(o, "symbols", symbols);
    array(o, "definitions", definitions);
    array(o, "modules", modules);
    array(o, "identifiers", identifiers);
    return o;
  }

  /** Writes the index to {@code file} atomically, pretty-printed, with a final newline. */
  public void write(Path file) throws IOException {
    AtomicFile.writeString(file, Json.pretty().writeValueAsString(toJson()) + "\n");
  }

  /**
   * Reads an index file.
   *
   * @throws InputException when the file is missing, not JSON, or not a {@value #FORMAT} file
   */
  public static SymbolIndex read(Path file) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "no such symbol index",
          "run quarry build (it writes reports/symbols.json) or pass --symbols");
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "symbol index is not valid JSON: " + e.getOriginalMessage(), "re-run quarry build to rewrite it");
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read the symbol index: " + e.getMessage(),
          "check the permissions");
    }
    if (n == null || !FORMAT.equals(n.path("format").asText())) {
      throw new InputException(file.toString(), 0, "not a symbol index (format is not \"" + FORMAT + "\")",
          "pass the reports/symbols.json that quarry build wrote");
    }
    return new SymbolIndex(n.path("examples").asLong(), strings(n, "endpoints"), strings(n, "hooks"),
        strings(n, "symbols"), strings(n, "definitions"), strings(n, "modules"), strings(n, "identifiers"));
  }

  private static void array(ObjectNode o, String field, Set<String> values) {
    ArrayNode a = o.putArray(field);
    values.forEach(a::add);
  }

  private static Set<String> strings(JsonNode n, String field) {
    Set<String> out = new TreeSet<>();
    for (Iterator<JsonNode> it = n.path(field).elements(); it.hasNext(); ) {
      out.add(it.next().asText());
    }
    return out;
  }
}
