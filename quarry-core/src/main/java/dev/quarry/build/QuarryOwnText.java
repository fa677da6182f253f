package dev.quarry.build;

import dev.quarry.ConfigException;
import dev.quarry.config.ExtractorSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Repository;
import dev.quarry.validate.rules.AttributionCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the text the build itself copies into every record — the project name (the folder's name unless
 * {@code project:} is set), the system prompt and configured prompt templates — with the attribution rules
 * before any record is made, so that Quarry never introduces an AI name on its own. A name is neutralised (its
 * AI names removed: {@code openai+swarm} becomes {@code swarm}) with a note; a configured system prompt or
 * template that would reject every record is a configuration error naming what to rephrase.
 *
 * @param config the configuration to build with
 * @param repo the repository under the name records use
 */
record QuarryOwnText(QuarryConfig config, Repository repo) {
  private static final String FALLBACK = "project";

  /**
   * Checks and neutralises; notes go to {@code notes}.
   *
   * @throws ConfigException when the configured system prompt or a configured template would reject every record
   */
  static QuarryOwnText check(QuarryConfig config, Repository repo, List<String> notes) {
    AttributionCheck check = AttributionCheck.of(config);
    Repository r = repo;
    String folder = check.neutral(repo.name(), FALLBACK);
    if (!folder.equals(repo.name())) {
      r = repo.withName(folder);
      if (config.project() == null) {
        notes.add("the folder name \"" + repo.name() + "\" names an AI product, so records call the project \""
            + folder + "\" (set project: in quarry.yaml to choose the name)");
      }
    }
    QuarryConfig c = config;
    if (config.project() != null) {
      String project = check.neutral(config.project(), FALLBACK);
      if (!project.equals(config.project())) {
        c = config.withProject(project);
        notes.add("project: \"" + config.project() + "\" names an AI product, so records call the project \""
            + project + "\" (choose another project: in quarry.yaml)");
      }
    }
    String origin = config.origin() == null ? "quarry.yaml" : config.origin();
    if (config.systemPrompt() != null) {
      List<String> bad = check.rejecting(config.systemPrompt());
      if (!bad.isEmpty()) {
        throw new ConfigException(origin, 0, "system_prompt would get every record rejected by the attribution "
            + "rules: " + String.join(", ", bad), "rephrase the system prompt without AI names or claims"
            + " (or set validate.attribution.mentions: allow for product names)");
      }
    }
    for (ExtractorSettings x : config.extractors().values()) {
      x.options().path("templates").fields().forEachRemaining(t -> {
        Path p = base(config).resolve(t.getValue().asText());
        List<String> bad = check.rejecting(read(p));
        if (!bad.isEmpty()) {
          throw new ConfigException(p.toString(), 0, "template " + t.getKey() + " of " + x.id() + " would get "
              + "its records rejected by the attribution rules: " + String.join(", ", bad),
              "rephrase extractors." + x.id() + ".templates." + t.getKey() + " without AI names or claims");
        }
      });
    }
    config.templateFiles().forEach((name, path) -> {
      List<String> bad = check.rejecting(read(Path.of(path)));
      if (!bad.isEmpty()) {
        throw new ConfigException(path, 0, "template " + name + " would get its records rejected by the "
            + "attribution rules: " + String.join(", ", bad), "rephrase the file in templates_dir without AI names "
            + "or claims");
      }
    });
    return new QuarryOwnText(c, r);
  }

  private static Path base(QuarryConfig config) {
    Path parent = config.origin() == null ? null : Path.of(config.origin()).getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The extractor reports an unreadable template with its own message.
      return "";
    }
  }
}
