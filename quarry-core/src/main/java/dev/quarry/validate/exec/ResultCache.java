package dev.quarry.validate.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Results of execution and type checks on disk, one small JSON file per SHA-256 of everything that decides
 * the result (code, tests, command, tool versions, limits), so an unchanged rebuild runs nothing. A missing
 * folder (null) caches nothing. Thread-safe: writes are atomic renames.
 */
public final class ResultCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  /** A cache in {@code dir} (created on first write), or none when null. */
  public ResultCache(Path dir) {
    this.dir = dir;
  }

  /** The key of {@code parts}, in order. */
  public static String key(List<String> parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        d.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        d.update(b);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cached result under {@code key}; empty when none or unreadable. */
  public Optional<CheckResult> get(String key) {
    if (dir == null) {
      return Optional.empty();
    }
    Path f = dir.resolve(key + ".json");
    try {
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      JsonNode n = JSON.readTree(f.toFile());
      return Optional.ofNullable(CheckResult.fromJson(n));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stores {@code r} under {@code key}; a failure to write only loses the cache entry. */
  public void put(String key, CheckResult r) {
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, key, ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(r.toJson()));
      Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Not cached: the next run executes again.
    }
  }
}
