package dev.quarry.synth;

import dev.quarry.ConfigException;
import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prompt templates of synthesis: {@code /dev/quarry/synth/<strategy>.txt} and {@code judge.txt}, each with two
 * parts (system message, user message), parsed by the extractors' template engine ({@link Templates#parse}).
 * {@code synth.templates.<id>: path} in quarry.yaml replaces one. Not thread-safe.
 */
final class SynthTemplates {
  /** The template id of the judge prompt. */
  static final String JUDGE = "judge";
  /** The template id of the paragraph naming an instruction's API surface ({@code {focus}}). */
  static final String FOCUS = "focus";

  private final Map<String, String> overrides;
  private final Path base;
  private final Map<String, Template> cache = new TreeMap<>();

  SynthTemplates(Map<String, String> overrides, Path base) {
    this.overrides = new TreeMap<>(overrides);
    this.base = base;
  }

  /** The template {@code id}; its source names the file, for meta.synth.template. */
  Template get(String id) {
    return cache.computeIfAbsent(id, this::load);
  }

  private Template load(String id) {
    String configured = overrides.get(id);
    if (configured != null) {
      Path p = base.resolve(configured);
      try {
        return Templates.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(p.toString(), 0, "cannot read synthesis template " + id,
            "fix synth.templates." + id + " in quarry.yaml");
      }
    }
    String resource = "/dev/quarry/synth/" + id + ".txt";
    try (InputStream in = SynthTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in template " + resource);
      }
      return Templates.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable built-in template " + resource, e);
    }
  }
}
