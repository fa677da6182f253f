package dev.quarry.build;

import dev.quarry.extract.Coverage;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
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
   * One digest over exactly what the repository walk reads: every file it keeps (or leaves out only for
   * looking generated) by relative path and SHA-256, and every entry it leaves out by path and reason, since
   * the coverage report lists them. So the walk's rules hold here too: links are not followed, gitignored,
   * vendored and output folders are not read, and a file that cannot be read counts as such instead of failing.
   */
  static String repository(Repository repo) {
    MessageDigest md = Hashing.digest();
    for (RepoFile f : repo.filesIncludingGenerated()) {
      String hash;
      try {
        hash = Hashing.sha256(f.absolute());
      } catch (IOException e) {
        hash = "unreadable";
      }
      update(md, "file " + f.path(), hash);
    }
    for (Coverage.Skip s : repo.skipped()) {
      update(md, "skip " + s.path(), s.reason().code());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String key, String value) {
    md.update(key.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(value.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
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

  private static String key(Path base, Path f) {
    return base.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
