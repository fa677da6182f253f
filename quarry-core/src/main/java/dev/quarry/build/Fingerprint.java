package dev.quarry.build;

import dev.quarry.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 fingerprints of a stage's inputs, keyed by a stable name, for {@link BuildState}. */
final class Fingerprint {
  /** The hash recorded for an input file that does not exist. */
  static final String ABSENT = "absent";

  private Fingerprint() {}

  /** Each file's SHA-256 (or {@value #ABSENT}) keyed by its path relative to {@code base}. */
  static Map<String, String> files(Path base, List<Path> files) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path f : files) {
      out.put(key(base, f), Files.isRegularFile(f) ? Hashing.sha256(f) : ABSENT);
    }
    return out;
  }

  /** Every regular file under {@code dir} (recursively) keyed by its path relative to {@code base}. */
  static Map<String, String> tree(Path base, Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    return files(base, files);
  }

  /**
   * One digest over a repository's files: every regular file's relative path and SHA-256, in path order,
   * skipping {@code .git} and {@code exclude} (the build folder, when it lies inside the repository).
   */
  static String repository(Path repo, Path exclude) throws IOException {
    Path root = repo.toAbsolutePath().normalize();
    Path skip = exclude.toAbsolutePath().normalize();
    MessageDigest md = Hashing.digest();
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.startsWith(skip) && !isGitDir(root.relativize(p)))
          .filter(Files::isRegularFile)
          .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), p));
    }
    for (Map.Entry<String, Path> f : files.entrySet()) {
      md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(Hashing.sha256(f.getValue()).getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The running tool: its version and the SHA-256 of every jar that holds its code (the core and exporter
   * plug-ins), so a rebuilt or upgraded Quarry never reuses the outputs of another one. When the code runs
   * from class folders (tests, an IDE) only the version counts.
   */
  static String tool() throws IOException {
    Map<String, String> parts = new TreeMap<>();
    parts.put("version", dev.quarry.Version.get());
    List<Class<?>> classes = new ArrayList<>();
    classes.add(Fingerprint.class);
    dev.quarry.export.Exporters.all().forEach(e -> classes.add(e.getClass()));
    for (Class<?> c : classes) {
      java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
      if (src == null || src.getLocation() == null) {
        continue;
      }
      try {
        Path jar = Path.of(src.getLocation().toURI());
        if (Files.isRegularFile(jar)) {
          parts.put(jar.getFileName().toString(), Hashing.sha256(jar));
        }
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        parts.put(c.getName(), "unknown location");
      }
    }
    return Hashing.sha256(parts.toString());
  }

  private static boolean isGitDir(Path relative) {
    return relative.getNameCount() > 0 && relative.getName(0).toString().equals(".git");
  }

  private static String key(Path base, Path f) {
    return base.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
