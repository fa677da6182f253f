package dev.quarry.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.ValidateSettings;
import dev.quarry.model.Example;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a {@link Rule} may consult besides the example: the run's configuration, state shared by the whole
 * run (compiled patterns, tokenizers — {@link #shared}), and per-example caches so that the code blocks and
 * syntax trees of an example are found and parsed once however many rules look at them.
 *
 * <p>Not thread-safe: one context per thread ({@link #forAnotherThread()} shares the run-wide state). The
 * per-example caches belong to the example passed last; passing another example drops them.
 */
public final class RuleContext {
  private final QuarryConfig config;
  private final Map<String, Object> shared;
  private Example current;
  private List<CodeBlock> blocks;
  private final Map<CodeBlock, SourceTree> trees = new IdentityHashMap<>();
  private final Map<String, Object> perExample = new java.util.HashMap<>();
  private final Map<String, JsonNode> annotations = new java.util.TreeMap<>();
  private static final String REPOSITORY = "run.repository";
  private static final String CACHE = "run.cache";

  /** A context for a run with {@code config}. */
  public RuleContext(QuarryConfig config) {
    this(config, new ConcurrentHashMap<>());
  }

  private RuleContext(QuarryConfig config, Map<String, Object> shared) {
    this.config = config;
    this.shared = shared;
  }

  /** A context for another thread of the same run: same configuration and shared state, own caches. */
  public RuleContext forAnotherThread() {
    return new RuleContext(config, shared);
  }

  /** The run's configuration. */
  public QuarryConfig config() {
    return config;
  }

  /** The {@code validate:} settings. */
  public ValidateSettings settings() {
    return config.validate();
  }

  /**
   * The options of a rule under {@code validate.<key>} (e.g. {@code pii} gives {@code validate.pii}); a
   * missing node when there are none.
   */
  public JsonNode options(String key) {
    return settings().options().path(key);
  }

  /** The string list {@code validate.<key>.<field>}, empty when absent. */
  public List<String> strings(String key, String field) {
    JsonNode n = options(key).path(field);
    if (!n.isArray()) {
      return n.isMissingNode() || n.isNull() ? List.of() : List.of(n.asText());
    }
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return Collections.unmodifiableList(out);
  }

  /**
   * Run-wide state under {@code key}, created once by {@code init} (for example compiled patterns built from
   * the configuration). Thread-safe; {@code init} must not call this method.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Supplier<T> init) {
    Object v = shared.get(key);
    if (v == null) {
      v = init.get();
      Object prev = shared.putIfAbsent(key, v);
      if (prev != null) {
        v = prev;
      }
    }
    return (T) v;
  }

  /**
   * The repository the records were mined from, when the run knows it ({@code quarry build}, {@code quarry
   * validate --repo}); null otherwise. Rules that execute code put it on the search path, read-only.
   */
  public java.nio.file.Path repository() {
    return (java.nio.file.Path) shared.get(REPOSITORY);
  }

  /** Where rules may cache results across runs (execution, type checks); null for no cache. */
  public java.nio.file.Path cacheDir() {
    return (java.nio.file.Path) shared.get(CACHE);
  }

  /** Sets {@link #repository()} and {@link #cacheDir()} for the whole run (null leaves one unset). */
  void run(java.nio.file.Path repository, java.nio.file.Path cache) {
    if (repository != null) {
      shared.put(REPOSITORY, repository);
    }
    if (cache != null) {
      shared.put(CACHE, cache);
    }
  }

  /**
   * Asks the stage to write {@code value} under {@code meta.<key>} of {@code e} (the current example) when
   * the record is written, e.g. {@code meta.execution}.
   */
  public void annotate(Example e, String key, JsonNode value) {
    focus(e);
    annotations.put(key, value);
  }

  /** What rules asked to write into the current example's meta, by key. */
  Map<String, JsonNode> annotations() {
    return Map.copyOf(annotations);
  }

  /** Every fenced code block of every message of {@code e}, in order. Cached for the current example. */
  public List<CodeBlock> codeBlocks(Example e) {
    focus(e);
    if (blocks == null) {
      List<CodeBlock> all = new ArrayList<>();
      for (int i = 0; i < e.messages().size(); i++) {
        all.addAll(CodeBlocks.of(i, e.messages().get(i).content()));
      }
      blocks = List.copyOf(all);
    }
    return blocks;
  }

  /** The code blocks of the assistant messages of {@code e}. */
  public List<CodeBlock> assistantCode(Example e) {
    return codeBlocks(e).stream()
        .filter(b -> e.messages().get(b.message()).role() == dev.quarry.model.Role.ASSISTANT).toList();
  }

  /**
   * The syntax tree of {@code block} (one from {@link #codeBlocks} of the current example), parsed once from
   * {@link CodeSource#of};
   * null when the block has no grammar. Valid until another example is passed to this context.
   */
  public SourceTree tree(CodeBlock block) {
    if (block.grammar().isEmpty()) {
      return null;
    }
    return trees.computeIfAbsent(block, b -> SourceTree.parse(b.grammar().get(), CodeSource.of(b)));
  }

  /**
   * A value derived from {@code e} under {@code key}, computed once per example however many rules ask (for
   * example facts drawn from its syntax trees). Dropped when another example is passed.
   */
  @SuppressWarnings("unchecked")
  public <T> T perExample(Example e, String key, Supplier<T> compute) {
    focus(e);
    Object v = perExample.get(key);
    if (v == null) {
      v = compute.get();
      perExample.put(key, v);
    }
    return (T) v;
  }

  private void focus(Example e) {
    if (current != e) {
      release();
      current = e;
    }
  }

  /** Drops the per-example caches (and lets their native syntax trees be reclaimed). */
  void release() {
    trees.values().forEach(SourceTree::close);
    trees.clear();
    perExample.clear();
    annotations.clear();
    blocks = null;
    current = null;
  }
}
