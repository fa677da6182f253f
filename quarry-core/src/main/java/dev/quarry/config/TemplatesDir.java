package dev.quarry.config;

import dev.quarry.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Binds {@code templates_dir:} of quarry.yaml: a folder (relative to quarry.yaml) whose files
 * {@code <folder>/<name>.txt} replace the bundled templates of the same name (the list is the resource
 * {@code /dev/quarry/extract/templates.index}), so a team writes examples in its own voice and language without a
 * rebuild. Every file is checked when the configuration is read: an unknown template name, a file with no
 * phrasing or a placeholder the code does not supply is a {@link ConfigException} naming the file and line.
 */
final class TemplatesDir {
  private static final String INDEX = "/dev/quarry/extract/templates.index";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|\\}\\}|\\{([^{}]*)\\}");

  private TemplatesDir() {}

  /**
   * The override files of {@code dir}, by {@code <folder>/<name>}, as absolute paths.
   *
   * @param origin the configuration file (for errors and to resolve {@code dir})
   * @param dir the configured folder
   * @param line the line of {@code templates_dir:}
   * @throws ConfigException when the folder is missing or a file in it is unknown or malformed
   */
  static Map<String, String> bind(String origin, String dir, int line) {
    Path parent = origin == null ? null : Path.of(origin).toAbsolutePath().getParent();
    Path root = (parent == null ? Path.of("") : parent).resolve(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ConfigException(origin, line, "templates_dir \"" + dir + "\" is not a folder (" + root + ")",
          "create it or fix the path, which is relative to quarry.yaml");
    }
    Map<String, Set<String>> index = index();
    Map<String, String> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(origin, line, "cannot read templates_dir " + root + ": " + e.getMessage(),
          "check the folder's permissions");
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      if (f.getFileName().toString().startsWith(".") || rel.equalsIgnoreCase("README.md")) {
        continue;
      }
      String name = rel.endsWith(".txt") ? rel.substring(0, rel.length() - 4) : rel;
      Set<String> placeholders = index.get(name);
      if (placeholders == null) {
        throw new ConfigException(f.toString(), 0, "no bundled template is called " + name,
            "name the file <folder>/<name>.txt after one of: " + String.join(", ", index.keySet()));
      }
      check(f, placeholders);
      out.put(name, f.toString());
    }
    return out;
  }

  /** Checks that {@code f} has a phrasing and only the placeholders the code supplies. */
  private static void check(Path f, Set<String> placeholders) {
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(f.toString(), 0, "cannot read the template: " + e.getMessage(),
          "check the file is readable UTF-8 text");
    }
    boolean phrasing = false;
    boolean header = true;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (header && l.startsWith("#")) {
        continue;
      }
      header = false;
      phrasing |= !l.isBlank() && !l.strip().equals("---");
      Matcher m = PLACEHOLDER.matcher(l);
      while (m.find()) {
        if (m.group(1) != null && !placeholders.contains(m.group(1))) {
          throw new ConfigException(f.toString(), i + 1, "unknown placeholder {" + m.group(1) + "}",
              "use one of " + new TreeSet<>(placeholders) + ", or {{ for a literal brace");
        }
      }
    }
    if (!phrasing) {
      throw new ConfigException(f.toString(), 1, "template holds no phrasing",
          "write at least one phrasing after the # comment lines; separate phrasings by a line ---");
    }
  }

  /** The names and SHA-256 of the contents of {@code files}, one a line, for the configuration hash. */
  static String fingerprint(Map<String, String> files) {
    StringBuilder out = new StringBuilder();
    files.forEach((name, path) -> {
      try {
        out.append(name).append(' ').append(dev.quarry.io.Hashing.sha256(Files.readString(Path.of(path),
            StandardCharsets.UTF_8))).append('\n');
      } catch (IOException e) {
        throw new ConfigException(path, 0, "cannot read the template: " + e.getMessage(),
            "check the file is readable UTF-8 text");
      }
    });
    return out.toString();
  }

  /** The bundled template names with the placeholders each may use. */
  static Map<String, Set<String>> index() {
    Map<String, Set<String>> out = new TreeMap<>();
    try (InputStream in = TemplatesDir.class.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in " + INDEX);
      }
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        List<String> parts = new ArrayList<>(List.of(l.strip().split("\\s+")));
        out.put(parts.remove(0), Set.copyOf(parts));
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable built-in " + INDEX, e);
    }
    return out;
  }
}
