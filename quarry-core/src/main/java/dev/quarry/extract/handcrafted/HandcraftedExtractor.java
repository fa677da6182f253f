package dev.quarry.extract.handcrafted;

import dev.quarry.extract.Categorizer;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.FenceLanguage;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.RecordException;
import dev.quarry.model.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code handcrafted}: examples written by hand. A Markdown file is one example: optional YAML front matter
 * ({@code category}, {@code language}, {@code tags}), an optional {@code ## System} section, then
 * {@code ## User} and {@code ## Assistant} sections (repeat them for several turns), each kept exactly as
 * written. A YAML file is a template expanded once per {@code vars} entry; an undefined variable is a coverage
 * skip naming the file, line and variable.
 *
 * <p>Files: {@code paths} when configured, else {@code training/handcrafted/**}{@code /*.md} and
 * {@code training/handcrafted/**}{@code /*.{yaml,yml}}. Category: the one the file asks for, else a folder
 * below the handcrafted root named like a category, else the configuration's rules.
 */
public final class HandcraftedExtractor implements Extractor {
  /** The default file globs. */
  public static final List<String> DEFAULT_PATHS =
      List.of("training/handcrafted/**/*.md", "training/handcrafted/**/*.{yaml,yml}");

  @Override
  public String id() {
    return "handcrafted";
  }

  @Override
  public String defaultCategory() {
    return "standards";
  }

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    List<String> globs = ctx.settings().paths().isEmpty() ? DEFAULT_PATHS : ctx.settings().paths();
    List<RepoFile> files = repo.files(globs, ctx.settings().exclude());
    ctx.progress().start("handcrafted", files.size());
    return files.stream().flatMap(f -> {
      List<Example> out = fromFile(repo, ctx, f);
      ctx.progress().advance(1);
      return out.stream();
    }).onClose(() -> ctx.progress().done());
  }

  private List<Example> fromFile(Repository repo, ExtractContext ctx, RepoFile f) {
    ctx.coverage().fileScanned();
    String text;
    try {
      text = repo.read(f).replace("\r\n", "\n");
    } catch (IOException e) {
      ctx.coverage().skip(f.path(), null, SkipReason.UNREADABLE, String.valueOf(e.getMessage()));
      return List.of();
    }
    String ext = f.extension();
    if (ext.equals("md") || ext.equals("markdown")) {
      return markdown(repo, ctx, f, text);
    }
    if (ext.equals("yaml") || ext.equals("yml")) {
      return template(repo, ctx, f, text);
    }
    ctx.coverage().skip(f.path(), null, SkipReason.NO_CANDIDATES, "not a .md example or a .yaml template");
    return List.of();
  }

  private List<Example> markdown(Repository repo, ExtractContext ctx, RepoFile f, String text) {
    FrontMatter fm;
    try {
      fm = FrontMatter.of(text);
    } catch (IOException e) {
      ctx.coverage().skip(f.path(), null, SkipReason.PARSE_ERROR, f.path() + ":" + e.getMessage());
      return List.of();
    }
    Conversation c = Conversation.parse(fm.body(), fm.bodyLine());
    ctx.coverage().candidates(1);
    if (c.problem().isPresent()) {
      ctx.coverage().skip(f.path(), null, c.turns().isEmpty() ? SkipReason.NO_CANDIDATES : SkipReason.INCOMPLETE,
          f.path() + ":" + c.problem().get());
      return List.of();
    }
    List<Message> messages = new ArrayList<>();
    for (Conversation.Turn t : c.turns()) {
      messages.add(new Message(t.role(), t.text()));
    }
    LineRange lines = new LineRange(c.turns().get(0).lines().first(), c.turns().get(c.turns().size() - 1).lines().last());
    String language = fm.language() != null ? fm.language() : c.language().map(FenceLanguage::of).orElse("text");
    return build(repo, ctx, f, messages, fm.category(), language, fm.tags(), lines, null);
  }

  private List<Example> template(Repository repo, ExtractContext ctx, RepoFile f, String text) {
    Template t;
    try {
      t = Template.parse(text);
    } catch (IOException e) {
      ctx.coverage().skip(f.path(), null, SkipReason.PARSE_ERROR, f.path() + ":" + e.getMessage());
      return List.of();
    }
    ctx.coverage().candidates(t.vars().size());
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < t.vars().size(); i++) {
      Template.Vars v = t.vars().get(i);
      String symbol = "vars[" + i + "]";
      List<Message> messages = new ArrayList<>();
      String missing = null;
      int missingLine = 0;
      for (Map.Entry<String, String> part : t.parts().entrySet()) {
        Template.Expansion x = Template.expand(part.getValue(), v.values());
        if (x.missing() != null) {
          missing = x.missing();
          missingLine = t.placeholderLine(text, part.getKey(), x.missing());
          break;
        }
        Role role = Role.fromWire(part.getKey()).orElseThrow();
        if (!x.text().isBlank()) {
          messages.add(new Message(role, x.text().strip()));
        }
      }
      if (missing != null) {
        String where = v.lines() == null ? "" : " (vars entry at line " + v.lines().first() + ")";
        ctx.coverage().skip(f.path(), symbol, SkipReason.INCOMPLETE, f.path() + ":" + missingLine
            + ": variable \"" + missing + "\" is not defined" + where + " (add it to the entry or fix the placeholder)");
        continue;
      }
      String language = t.language() != null ? t.language() : "text";
      out.addAll(build(repo, ctx, f, messages, t.category(), language, t.tags(), v.lines(), symbol));
    }
    return out;
  }

  private List<Example> build(Repository repo, ExtractContext ctx, RepoFile f, List<Message> messages,
      String category, String language, List<String> tags, LineRange lines, String symbol) {
    if (category != null && !ctx.isCategory(category)) {
      ctx.coverage().skip(f.path(), symbol, SkipReason.INCOMPLETE, f.path() + ": category \"" + category
          + "\" is not configured (use one of the configured categories or add it under categories:)");
      return List.of();
    }
    Categorizer.Assignment a = category != null ? new Categorizer.Assignment(category, "explicit")
        : folderCategory(ctx, f.path());
    if (a == null) {
      StringBuilder text = new StringBuilder();
      messages.stream().filter(m -> m.role() != Role.SYSTEM).forEach(m -> text.append(m.content()).append('\n'));
      a = ctx.categorize(f.path(), text.toString(), defaultCategory(), null);
    }
    List<String> allTags = new ArrayList<>(List.of("handcrafted"));
    tags.stream().filter(x -> !allTags.contains(x)).forEach(allTags::add);
    try {
      return List.of(ctx.example(repo, messages, a, language, f.path(), lines, symbol, allTags));
    } catch (RecordException e) {
      ctx.coverage().skip(f.path(), symbol, SkipReason.INCOMPLETE, f.path() + ": " + e.getMessage());
      return List.of();
    }
  }

  /** A folder on the file's path named like a configured category, e.g. {@code training/handcrafted/database/}. */
  private static Categorizer.Assignment folderCategory(ExtractContext ctx, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      if (ctx.isCategory(parts[i])) {
        return new Categorizer.Assignment(parts[i], "folder:" + parts[i]);
      }
    }
    return null;
  }
}
