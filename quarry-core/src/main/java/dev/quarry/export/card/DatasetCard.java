package dev.quarry.export.card;

import dev.quarry.export.ReportView;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.HtmlText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes the dataset card, a {@code README.md} in the Hugging Face format: YAML front matter (license, task
 * category, size category, one config with the data files of every split, split sizes) and a body with the
 * splits, sources, categories against their targets, validation results, known gaps and how the dataset was
 * built. The text depends only on the inputs (no dates), so rebuilding gives the same bytes. Names from the
 * repository (project, categories, extractors, rules) are HTML-escaped in the body, since the Hub renders a
 * card's Markdown with its inline HTML.
 */
public final class DatasetCard {
  private DatasetCard() {}

  /** Writes the card to {@code out} (a file path, usually {@code export/README.md}) atomically. */
  public static void write(Path out, CardInputs inputs) throws IOException {
    AtomicFile.writeString(out, render(inputs));
  }

  /** The card's text. */
  public static String render(CardInputs in) {
    StringBuilder md = new StringBuilder();
    frontMatter(md, in);
    ReportView view = new ReportView(in.validation(), in.distribution());
    String project = text(in.project());
    md.append("# ").append(project).append(" code fine-tuning dataset\n\n")
        .append("Chat-format examples mined from the ").append(project)
        .append(" codebase for fine-tuning a code model adapter (LoRA): questions a developer of the platform asks, ")
        .append("answered with the platform's own APIs and conventions. Every example was validated (schema, ")
        .append("secrets, personal data, syntax, attribution) and the dataset balanced across categories.\n\n");
    splits(md, in);
    sources(md, in, view);
    categories(md, view);
    validation(md, view);
    gaps(md, view);
    formats(md, in);
    built(md, in);
    return md.toString();
  }

  private static void frontMatter(StringBuilder md, CardInputs in) {
    long total = in.splitCounts().values().stream().mapToLong(Long::longValue).sum();
    md.append("---\n")
        .append("license: ").append(in.license()).append('\n');
    if (in.license().equals("other")) {
      // The Hub requires both with license: other (huggingface_hub DatasetCardData license_name, license_link).
      md.append("license_name: ").append(yamlString(slug(in.project()) + "-license")).append('\n')
          .append("license_link: LICENSE\n");
    }
    md
        .append("task_categories:\n- text-generation\n")
        .append("language:\n- en\n")
        .append("tags:\n- code\n- fine-tuning\n")
        .append("size_categories:\n- ").append(sizeCategory(total)).append('\n')
        .append("pretty_name: ").append(yamlString(in.project() + " code fine-tuning dataset")).append('\n');
    if (!in.dataFiles().isEmpty()) {
      md.append("configs:\n- config_name: default\n  data_files:\n");
      in.dataFiles().forEach((split, file) ->
          md.append("  - split: ").append(split).append("\n    path: ").append(yamlString(file)).append('\n'));
    }
    md.append("dataset_info:\n  splits:\n");
    in.splitCounts().forEach((split, n) ->
        md.append("  - name: ").append(split).append("\n    num_examples: ").append(n).append('\n'));
    md.append("---\n\n");
  }

  /** The Hugging Face size category of a dataset of {@code n} examples. */
  static String sizeCategory(long n) {
    if (n < 1_000) {
      return "n<1K";
    }
    String[] names = {"1K", "10K", "100K", "1M", "10M", "100M", "1B"};
    long lo = 1_000;
    for (int i = 0; i + 1 < names.length; i++, lo *= 10) {
      if (n < lo * 10) {
        return names[i] + "<n<" + names[i + 1];
      }
    }
    return "n>1T";
  }

  private static void splits(StringBuilder md, CardInputs in) {
    md.append("## Splits\n\n| split | examples | file |\n| --- | ---: | --- |\n");
    in.splitCounts().forEach((split, n) -> md.append("| ").append(split).append(" | ").append(n).append(" | ")
        .append(cell(in.dataFiles().getOrDefault(split, "—"))).append(" |\n"));
    md.append('\n');
  }

  private static void sources(StringBuilder md, CardInputs in, ReportView view) {
    md.append("## Sources\n\n")
        .append("Repository: ").append(in.repo() == null ? "n/a" : code(in.repo()))
        .append(in.commit() == null ? "" : " at commit " + code(in.commit())).append(".\n\n");
    table(md, "extractor", view.extractors(), Map.of());
  }

  private static void categories(StringBuilder md, ReportView view) {
    md.append("## Categories\n\n");
    Map<String, Long> counts = new java.util.LinkedHashMap<>(view.categories());
    view.targets().forEach((name, target) -> counts.putIfAbsent(name, 0L));
    table(md, "category", counts, view.targets());
  }

  private static void validation(StringBuilder md, ReportView view) {
    md.append("## Validation\n\n")
        .append("Records checked: ").append(num(view.validated())).append(", accepted: ").append(num(view.accepted()))
        .append(", rejected: ").append(num(view.rejected())).append(".\n\n");
    if (!view.rejectsPerRule().isEmpty()) {
      md.append("Rejections per rule:\n\n");
      table(md, "rule", view.rejectsPerRule(), Map.of());
    }
  }

  private static void gaps(StringBuilder md, ReportView view) {
    md.append("## Known gaps\n\n");
    List<String> gaps = view.gaps();
    if (gaps.isEmpty()) {
      md.append(view.categories().isEmpty() ? "n/a (no distribution report).\n\n" : "Every category meets its target.\n\n");
      return;
    }
    md.append("Categories below their target (the model will know these areas less well):\n\n");
    gaps.forEach(g -> md.append("- ").append(text(g)).append('\n'));
    md.append('\n');
  }

  private static void formats(StringBuilder md, CardInputs in) {
    if (in.formats().isEmpty()) {
      return;
    }
    md.append("## Files\n\n");
    in.formats().forEach(f -> md.append("- `").append(f).append("/`\n"));
    md.append('\n');
  }

  private static void built(StringBuilder md, CardInputs in) {
    md.append("## How it was built\n\n")
        .append("Built by Quarry ").append(in.toolVersion()).append(" (`quarry build`) with configuration hash `")
        .append(in.configHash()).append("`. Rebuilding from the same repository commit and configuration gives ")
        .append("byte-identical files.\n");
    if (in.license().equals("other")) {
      md.append("\nLicense: not a standard one (`license: other`); put its terms in `LICENSE` beside this card ")
          .append("before publishing, or set `export.license` in quarry.yaml to a Hugging Face license id.\n");
    }
  }

  private static void table(StringBuilder md, String what, Map<String, Long> counts, Map<String, Long> targets) {
    if (counts.isEmpty()) {
      md.append("n/a\n\n");
      return;
    }
    boolean withTargets = !targets.isEmpty();
    md.append("| ").append(what).append(" | examples |").append(withTargets ? " target |\n" : "\n")
        .append("| --- | ---: |").append(withTargets ? " ---: |\n" : "\n");
    counts.forEach((name, n) -> {
      md.append("| ").append(cell(name)).append(" | ").append(n).append(" |");
      if (withTargets) {
        Long t = targets.get(name);
        md.append(' ').append(t == null || t == 0 ? "—" : t.toString()).append(" |");
      }
      md.append('\n');
    });
    md.append('\n');
  }

  private static String num(OptionalLong n) {
    return n.isPresent() ? Long.toString(n.getAsLong()) : "n/a";
  }

  private static String cell(String s) {
    return text(s).replace("|", "\\|");
  }

  /** Markdown text of a name from the repository: HTML-escaped, on one line. */
  private static String text(String s) {
    return HtmlText.escReplacingControls(s.replace('\n', ' ').replace('\r', ' '));
  }

  /** A Markdown code span (no HTML is interpreted inside one); backticks and line breaks dropped. */
  private static String code(String s) {
    return "`" + s.replace("`", "").replace('\n', ' ').replace('\r', ' ') + "`";
  }

  /** A Hub license name: lower-case letters, digits and hyphens. */
  static String slug(String s) {
    String slug = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "dataset" : slug;
  }

  private static String yamlString(String s) {
    StringBuilder sb = new StringBuilder();
    dev.quarry.model.ExampleIds.appendJcsString(sb, s);
    return sb.toString();
  }
}
