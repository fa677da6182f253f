package dev.quarry.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ExtractorSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.system.SystemPrompts;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.util.List;

/**
 * What an extractor needs besides the repository: its settings, the system prompts, category rules, a
 * coverage recorder and a progress listener. One context per extractor run; not thread-safe.
 */
public final class ExtractContext {
  private final QuarryConfig config;
  private final ExtractorSettings settings;
  private final SystemPrompts systemPrompts;
  private final Categorizer categorizer;
  private final Coverage coverage;
  private final ProgressListener progress;

  /** A context for one run of extractor {@code settings.id()}, every record with {@code systemPrompt}. */
  public ExtractContext(QuarryConfig config, ExtractorSettings settings, String systemPrompt, Categorizer categorizer,
      ProgressListener progress) {
    this(config, settings, SystemPrompts.fixed(systemPrompt), categorizer, progress);
  }

  /** A context for one run of extractor {@code settings.id()}, each record with one of {@code systemPrompts}. */
  public ExtractContext(QuarryConfig config, ExtractorSettings settings, SystemPrompts systemPrompts,
      Categorizer categorizer, ProgressListener progress) {
    this.config = config;
    this.settings = settings;
    this.systemPrompts = systemPrompts;
    this.categorizer = categorizer;
    this.coverage = new Coverage(settings.id());
    this.progress = progress;
  }

  /** The whole configuration. */
  public QuarryConfig config() {
    return config;
  }

  /** This extractor's settings. */
  public ExtractorSettings settings() {
    return settings;
  }

  /** The first system prompt (the one for examples without a record key). */
  public String systemPrompt() {
    return systemPrompts.all().get(0);
  }

  /** The system prompt of the record keyed {@code key} (its source and first prompt): one style per record. */
  public String systemPrompt(String key) {
    return systemPrompts.forKey(settings.id() + "\n" + key);
  }

  /** The coverage recorder of this run. */
  public Coverage coverage() {
    return coverage;
  }

  /** Where to report progress. */
  public ProgressListener progress() {
    return progress;
  }

  /**
   * Builds a single-turn example with the system prompt, provenance and a category assigned by the rules,
   * recording the deciding rule in {@code meta.category_rule}. Counts it as written.
   *
   * @param repo the repository (for name and commit)
   * @param user the user's request
   * @param assistant the answer
   * @param language main language of the answer's code, or {@code text}
   * @param path source path
   * @param lines source lines, or null
   * @param symbol the symbol, or null
   * @param defaultCategory the extractor's default category
   * @param tags tags to add
   */
  public Example example(Repository repo, String user, String assistant, String language, String path,
      LineRange lines, String symbol, String defaultCategory, List<String> tags) {
    String preferred = settings.category();
    Categorizer.Assignment a = categorizer.assign(path, user + "\n" + assistant, defaultCategory, preferred);
    Source source = new Source(settings.id(), repo.name(), path, lines, symbol, repo.commit().orElse(null));
    String system = systemPrompt(path + "#" + symbol + "\n" + user);
    Example e = Example.of(List.of(Message.system(system), Message.user(user), Message.assistant(assistant)),
        a.category(), language, source).withTags(tags);
    ObjectNode meta = e.metaCopy();
    meta.put("category_rule", a.rule());
    coverage.written();
    return e.withMeta(meta);
  }

  /**
   * Builds an example from a whole conversation (which may start with its own system message), with a
   * category already decided, recording the deciding rule in {@code meta.category_rule}. Counts it as written.
   *
   * @param repo the repository (for name and commit)
   * @param messages the conversation; when it has no system message the configured system prompt is put first
   * @param category the category and the rule that decided it
   * @param language main language of the answer's code, or {@code text}
   * @param path source path
   * @param lines source lines, or null
   * @param symbol the symbol, or null
   * @param tags tags to add
   * @throws dev.quarry.model.RecordException when the messages break the record rules
   */
  public Example example(Repository repo, List<Message> messages, Categorizer.Assignment category, String language,
      String path, LineRange lines, String symbol, List<String> tags) {
    List<Message> all = messages;
    if (messages.isEmpty() || messages.get(0).role() != dev.quarry.model.Role.SYSTEM) {
      all = new java.util.ArrayList<>();
      String firstUser = messages.stream().filter(m -> m.role() == dev.quarry.model.Role.USER).findFirst()
          .map(Message::content).orElse("");
      all.add(Message.system(systemPrompt(path + "#" + symbol + "\n" + firstUser)));
      all.addAll(messages);
    }
    Source source = new Source(settings.id(), repo.name(), path, lines, symbol, repo.commit().orElse(null));
    Example e = Example.of(all, category.category(), language, source).withTags(tags);
    ObjectNode meta = e.metaCopy();
    meta.put("category_rule", category.rule());
    coverage.written();
    return e.withMeta(meta);
  }

  /** Whether {@code name} is a configured category. */
  public boolean isCategory(String name) {
    return config.categoryNames().contains(name);
  }

  /** The category assignment for a candidate, for extractors that build multi-turn examples themselves. */
  public Categorizer.Assignment categorize(String path, String text, String defaultCategory, String preferred) {
    return categorizer.assign(path, text, defaultCategory, preferred == null ? settings.category() : preferred);
  }
}
