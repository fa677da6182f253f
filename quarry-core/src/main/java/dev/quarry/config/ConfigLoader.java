package dev.quarry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.ConfigException;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads quarry.yaml: checks every key against {@link ConfigSchema} (an unknown key is an error naming the
 * nearest valid one and its line), checks value types and ranges, and merges it over the defaults.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  /**
   * Loads a configuration file.
   *
   * @param file the file; its name as given is used in error messages
   * @throws ConfigException (exit 2) on unreadable YAML, unknown keys, or bad values
   */
  public static QuarryConfig load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(name, 0, "not valid UTF-8", "save the configuration as UTF-8");
    } catch (IOException e) {
      throw new ConfigException(name, 0, "cannot read: " + e.getMessage(), "check the path given with -c");
    }
    return parse(name, text);
  }

  /**
   * The configuration for a run on {@code repo}: {@code explicit} when given, else {@code repo/quarry.yaml}
   * when it exists, else the defaults.
   *
   * @param repo repository folder, or null when the verb has none
   * @param explicit the file given with {@code -c}, or null
   */
  public static QuarryConfig resolve(Path repo, Path explicit) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new ConfigException(explicit.toString(), 0, "no such configuration file", "check the path given with -c");
      }
      return load(explicit);
    }
    if (repo != null) {
      for (String n : new String[] {"quarry.yaml", "quarry.yml"}) {
        Path f = repo.resolve(n);
        if (Files.isRegularFile(f)) {
          return load(f);
        }
      }
    }
    return defaults();
  }

  /** Parses configuration text; {@code name} is used in error messages. */
  public static QuarryConfig parse(String name, String text) {
    JsonNode tree;
    try {
      tree = text.isBlank() ? null : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
      throw new ConfigException(name, line, "invalid YAML: " + why, "fix the YAML syntax");
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      tree = JsonNodeFactory.instance.objectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException(name, 1, "the configuration must be a mapping of keys",
          "start with keys such as project:, categories:, extractors:");
    }
    YamlLines lines = YamlLines.of(text);
    new SchemaCheck(name, lines).check(tree, ConfigSchema.ROOT, "");
    return bind(name, (ObjectNode) tree, lines);
  }

  static QuarryConfig defaults() {
    return bind(null, JsonNodeFactory.instance.objectNode(), YamlLines.of(""));
  }

  /** Binds a checked tree; {@code lines} gives the line of a key for an error about its value. */
  private static QuarryConfig bind(String name, ObjectNode t, YamlLines lines) {
    List<CategorySpec> categories = new ArrayList<>();
    JsonNode cats = t.get("categories");
    if (cats != null && cats.isObject() && cats.size() > 0) {
      for (Iterator<Map.Entry<String, JsonNode>> it = cats.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> c = it.next();
        JsonNode v = c.getValue() == null || c.getValue().isNull() ? JsonNodeFactory.instance.objectNode() : c.getValue();
        categories.add(new CategorySpec(c.getKey(), strings(v.get("paths")), strings(v.get("keywords")),
            v.has("target") ? v.get("target").asInt() : DefaultCategories.TARGET));
      }
      for (CategorySpec d : DefaultCategories.all()) {
        // Configured categories come first; defaults the file does not mention stay available.
        if (categories.stream().noneMatch(c -> c.name().equals(d.name()))) {
          categories.add(d);
        }
      }
    } else {
      categories.addAll(DefaultCategories.all());
    }
    Map<String, ExtractorSettings> extractors = new LinkedHashMap<>();
    JsonNode ex = t.get("extractors");
    for (String id : ConfigSchema.EXTRACTORS) {
      JsonNode e = ex == null ? null : ex.get(id);
      if (e == null || e.isNull()) {
        extractors.put(id, ExtractorSettings.defaults(id));
        continue;
      }
      ObjectNode options = ((ObjectNode) e).deepCopy();
      options.remove(List.of("enabled", "paths", "exclude", "max_examples", "category"));
      extractors.put(id, new ExtractorSettings(id, !e.has("enabled") || e.get("enabled").asBoolean(),
          strings(e.get("paths")), strings(e.get("exclude")),
          e.has("max_examples") ? e.get("max_examples").asInt() : 0,
          e.has("category") ? e.get("category").asText() : null, options));
    }
    ValidateSettings validate = validate(name, t.path("validate"));
    DedupSettings dedup = dedup(name, t, lines);
    SplitSettings split = split(name, t, lines);
    TrainSettings train = train(t.path("train"));
    String project = text(t.get("project"));
    String systemPrompt = text(t.get("system_prompt"));
    String hash = Hashing.sha256(canonical(t));
    ExportSettings export = new ExportSettings(strings(t.path("export").get("formats")),
        strings(t.path("export").get("trainers")), text(t.path("export").get("license")));
    String templatesDir = text(t.get("templates_dir"));
    Map<String, String> templateFiles = templatesDir == null ? Map.of()
        : TemplatesDir.bind(name, templatesDir, lines.line("/templates_dir"));
    // The files' text is part of the configuration: a changed template must change the hash (and the outputs).
    hash = templateFiles.isEmpty() ? hash : Hashing.sha256(hash + TemplatesDir.fingerprint(templateFiles));
    return new QuarryConfig(name, project, systemPrompt, categories, extractors, validate, dedup, split, train, export,
        SynthConfig.bind(name, t.path("synth"), lines), templateFiles, hash);
  }

  private static ValidateSettings validate(String name, JsonNode v) {
    ValidateSettings d = ValidateSettings.defaults();
    Map<String, String> severities = new LinkedHashMap<>();
    v.path("severity").fields().forEachRemaining(f -> severities.put(f.getKey(), f.getValue().asText()));
    v.path("require").fields().forEachRemaining(f -> severities.put(f.getKey().replace('_', '-'), f.getValue().asText()));
    ObjectNode options = v.isObject() ? ((ObjectNode) v).deepCopy() : null;
    String m = text(v.path("attribution").get("mentions"));
    MentionPolicy mentions = m == null ? MentionPolicy.REJECT : MentionPolicy.fromWire(m).orElseThrow(() ->
        new ConfigException(name, 0, "validate.attribution.mentions \"" + m + "\" is not valid",
            "use reject, allow-in-code or allow; attributions are rejected whatever it says"));
    return new ValidateSettings(strings(v.path("attribution").get("terms")), strings(v.path("attribution").get("allow")),
        mentions, severities, v.has("max_tokens") ? v.get("max_tokens").asInt() : d.maxTokens(),
        v.has("tokenizer") ? v.get("tokenizer").asText() : d.tokenizer(), options);
  }

  private static DedupSettings dedup(String name, ObjectNode t, YamlLines lines) {
    JsonNode n = t.path("dedup");
    DedupSettings d = DedupSettings.defaults();
    DedupSettings.Mode mode = d.mode();
    if (n.has("mode")) {
      String m = n.get("mode").asText();
      try {
        mode = DedupSettings.Mode.valueOf(m.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, lines.line("/dedup/mode"), "dedup.mode \"" + m + "\" is not valid", "use none, exact or near");
      }
    }
    double threshold = n.has("threshold") ? number(n.get("threshold")) : d.threshold();
    if (!(threshold > 0 && threshold <= 1)) {
      throw new ConfigException(name, lines.line("/dedup/threshold"), "dedup.threshold " + threshold + " is out of range", "use a value in (0, 1]");
    }
    return new DedupSettings(mode, threshold);
  }

  private static SplitSettings split(String name, ObjectNode t, YamlLines lines) {
    JsonNode n = t.path("split");
    SplitSettings d = SplitSettings.defaults();
    double val = n.has("validation") ? number(n.get("validation")) : d.validation();
    double test = n.has("test") ? number(n.get("test")) : d.test();
    if (val < 0 || test < 0 || val + test >= 1) {
      int line = lines.line(n.has("validation") ? "/split/validation" : n.has("test") ? "/split/test" : "/split");
      throw new ConfigException(name, line, "split shares validation " + val + " + test " + test + " are invalid",
          "use shares >= 0 that sum to less than 1, e.g. validation: 0.1, test: 0.1");
    }
    return new SplitSettings(val, test, n.has("seed") ? n.get("seed").asLong() : d.seed());
  }

  private static TrainSettings train(JsonNode n) {
    TrainSettings d = TrainSettings.defaults();
    return new TrainSettings(n.has("base_model") ? n.get("base_model").asText() : d.baseModel(),
        n.has("epochs") ? n.get("epochs").asInt() : d.epochs(),
        n.has("learning_rate") ? number(n.get("learning_rate")) : d.learningRate(),
        n.has("lora_r") ? n.get("lora_r").asInt() : d.loraR(),
        n.has("lora_alpha") ? n.get("lora_alpha").asInt() : d.loraAlpha());
  }

  static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText().trim());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<String> strings(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      return List.of(n.asText());
    }
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String canonical(JsonNode n) {
    try {
      return Json.mapper().writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(Json.mapper().treeToValue(n, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
