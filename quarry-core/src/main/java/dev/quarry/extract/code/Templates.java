package dev.quarry.extract.code;

import dev.quarry.ConfigException;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.ExtractContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template engine of the extractors: finds the template file of a purpose and parses it into a
 * {@link Template}. Built-in files live on the classpath at {@code /dev/quarry/extract/<extractor>/<name>.txt};
 * {@code extractors.<extractor>.templates.<name>: path} in quarry.yaml replaces one (the path is relative to the
 * directory of quarry.yaml), and so does a file {@code <extractor>/<name>.txt} in {@code templates_dir:}. File format: leading lines starting with {@code #} document the purpose and the
 * placeholders and are ignored; the phrasings follow, separated by lines holding only {@code ---}; each phrasing
 * is trimmed of leading and trailing blank lines. Loaded templates are cached; not thread-safe.
 */
public final class Templates {
  private static final String SEPARATOR = "---";
  private final String extractor;
  private final Map<String, String> overrides;
  private final Path base;
  private final Map<String, Template> cache = new TreeMap<>();

  /**
   * The templates of {@code extractor}.
   *
   * @param extractor the extractor id, also the resource folder name
   * @param overrides template name to the path of a replacing file, as configured
   * @param base the directory configured paths are relative to
   */
  public Templates(String extractor, Map<String, String> overrides, Path base) {
    this.extractor = extractor;
    this.overrides = new TreeMap<>(overrides);
    this.base = base;
  }

  /**
   * The templates of the extractor running in {@code ctx}: the files of {@code templates_dir:} for its folder,
   * then its own {@code extractors.<id>.templates} entries, which win.
   */
  public static Templates of(ExtractContext ctx) {
    Map<String, String> overrides = new TreeMap<>(ctx.config().templateOverrides(ctx.settings().id()));
    ctx.settings().options().path("templates").fields()
        .forEachRemaining(f -> overrides.put(f.getKey(), f.getValue().asText()));
    return new Templates(ctx.settings().id(), overrides, baseOf(ctx.config()));
  }

  /** The templates of {@code folder} (e.g. {@code explain}, {@code system}) with the {@code templates_dir:} files. */
  public static Templates of(QuarryConfig config, String folder) {
    return new Templates(folder, config.templateOverrides(folder), baseOf(config));
  }

  private static Path baseOf(QuarryConfig config) {
    if (config.origin() == null) {
      return Path.of("");
    }
    Path parent = Path.of(config.origin()).getParent();
    return parent == null ? Path.of("") : parent;
  }

  /**
   * The template {@code name} (without {@code .txt}).
   *
   * @throws ConfigException when a configured file is missing or empty
   * @throws IllegalStateException when a built-in template is missing (a packaging bug)
   */
  public Template get(String name) {
    return cache.computeIfAbsent(name, this::load);
  }

  private Template load(String name) {
    String configured = overrides.get(name);
    if (configured != null) {
      Path p = base.resolve(configured);
      try {
        return parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(p.toString(), 0, "cannot read template " + name + " of " + extractor,
            "fix extractors." + extractor + ".templates." + name + " in quarry.yaml");
      }
    }
    String resource = "/dev/quarry/extract/" + extractor + "/" + name + ".txt";
    try (InputStream in = Templates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in template " + resource);
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable built-in template " + resource, e);
    }
  }

  /**
   * Parses the text of a template file (see the class comment for the format).
   *
   * @throws ConfigException when it holds no phrasing
   */
  public static Template parse(String source, String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].startsWith("#")) {
      i++;
    }
    List<String> variants = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int start = -1;
    for (; i <= lines.length; i++) {
      boolean end = i == lines.length || lines[i].strip().equals(SEPARATOR);
      if (end) {
        String v = cur.toString().strip();
        if (!v.isEmpty()) {
          variants.add(v);
          starts.add(start);
        }
        cur.setLength(0);
        start = -1;
        continue;
      }
      if (start < 0 && !lines[i].isBlank()) {
        start = i + 1;
      }
      cur.append(lines[i]).append('\n');
    }
    if (variants.isEmpty()) {
      throw new ConfigException(source, 1, "template holds no phrasing",
          "write at least one phrasing after the # comment lines; separate phrasings by a line ---");
    }
    return new Template(source, variants, starts);
  }
}
