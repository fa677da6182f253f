package dev.quarry.extract.docs;

import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.FenceLanguage;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.Templates;
import dev.quarry.model.Example;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code docs}: one example per {@code ##} or {@code ###} section of Markdown standards and guides. The user
 * asks the scenario question of a developer with a goal that the section answers (phrased from its heading by
 * the {@code docs} templates, see {@link Questions}); the answer is the section as written, with a lead-in
 * naming the document. MDX is read through {@link MdxText} and reStructuredText through {@link RstText}, so
 * their sections are found as Markdown's are. Sections too thin to teach anything (under
 * {@value #MIN_CHARS} characters of text and no code) or too long to be one answer (over {@value #MAX_CHARS})
 * are coverage skips.
 *
 * <p>Files: {@code paths} when configured, else the Markdown of {@code .platform/standards/**}, any
 * {@code docs/**} folder ({@code .md}, {@code .mdx}, {@code .rst}), README files ({@code .md}, {@code .rst}),
 * contributor and developer guides ({@code CONTRIBUTING.md},
 * {@code development.md}, {@code DEVELOPMENT.md}, {@code HACKING.md}, {@code ARCHITECTURE.md},
 * {@code *guide*.md}) and any folder whose name contains {@code standards}.
 */
public final class DocsExtractor implements Extractor {
  /** The default file globs. */
  public static final List<String> DEFAULT_PATHS = List.of(".platform/standards/**/*.md", "**/docs/**/*.{md,mdx,rst}",
      "**/{README,Readme,readme}.{md,rst}", "**/{CONTRIBUTING,contributing}.md", "**/{development,DEVELOPMENT,Development}.md",
      "**/{HACKING,ARCHITECTURE,architecture}.md", "**/*{guide,Guide,GUIDE}*.md", "**/*standards*/**/*.md");
  /** The file extensions read: Markdown, MDX and reStructuredText. */
  static final java.util.Set<String> FORMATS = java.util.Set.of("md", "markdown", "mdx", "rst");
  /** A section needs at least this many characters, unless it has a code block. */
  static final int MIN_CHARS = 120;
  /** A section longer than this is not one answer. */
  static final int MAX_CHARS = 12_000;

  @Override
  public String id() {
    return "docs";
  }

  @Override
  public String defaultCategory() {
    return "standards";
  }

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    List<String> globs = ctx.settings().paths().isEmpty() ? DEFAULT_PATHS : ctx.settings().paths();
    List<String> exclude = new java.util.ArrayList<>(ctx.settings().exclude());
    // Hand-written conversations are the handcrafted extractor's, even under a "standards" folder.
    exclude.addAll(dev.quarry.extract.handcrafted.HandcraftedExtractor.DEFAULT_PATHS);
    List<RepoFile> files = repo.files(globs, exclude).stream()
        .filter(f -> FORMATS.contains(f.extension())).toList();
    String project = ctx.config().projectOr(repo.name());
    Questions questions = new Questions(Templates.of(ctx));
    ctx.progress().start("docs", files.size());
    return files.stream().flatMap(f -> {
      List<Example> out = fromFile(repo, ctx, f, project, questions);
      ctx.progress().advance(1);
      return out.stream();
    }).onClose(() -> ctx.progress().done());
  }

  private List<Example> fromFile(Repository repo, ExtractContext ctx, RepoFile f, String project,
      Questions questions) {
    ctx.coverage().fileScanned();
    String text;
    try {
      text = repo.read(f).replace("\r\n", "\n");
    } catch (IOException e) {
      ctx.coverage().skip(f.path(), null, SkipReason.UNREADABLE, String.valueOf(e.getMessage()));
      return List.of();
    }
    MarkdownDoc doc = MarkdownDoc.parse(switch (f.extension()) {
      case "mdx" -> MdxText.toMarkdown(text);
      case "rst" -> RstText.toMarkdown(text);
      default -> text;
    });
    if (doc.sections().isEmpty()) {
      ctx.coverage().skip(f.path(), null, SkipReason.NO_CANDIDATES, "no ## or ### sections");
      return List.of();
    }
    ctx.coverage().candidates(doc.sections().size());
    List<Example> out = new ArrayList<>();
    for (Section s : doc.sections()) {
      String symbol = (doc.title().isEmpty() ? "" : doc.title() + " > ") + s.heading();
      boolean hasCode = s.body().contains("```") || s.body().contains("~~~");
      if (s.body().length() < MIN_CHARS && !hasCode) {
        ctx.coverage().skip(f.path(), symbol, SkipReason.TOO_SHORT,
            s.body().length() + " characters, under " + MIN_CHARS + " and no code");
        continue;
      }
      if (s.body().length() > MAX_CHARS) {
        ctx.coverage().skip(f.path(), symbol, SkipReason.TOO_LONG, s.body().length() + " characters, over " + MAX_CHARS);
        continue;
      }
      String language = s.codeLanguage().map(FenceLanguage::of).orElse("text");
      out.add(ctx.example(repo, questions.ask(f.path(), s, project), questions.answer(f.path(), doc.title(), s),
          language, f.path(), s.lines(), symbol, defaultCategory(), List.of("docs")));
    }
    return out;
  }
}
