package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.io.FaultPoint;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Swaps a staged build into its output folder so that a crash or a full disk at any moment leaves either the
 * previous complete build or the new one. The build writes every file into {@code OUT/.quarry-staging/};
 * {@link #commit} then checks that no user file is in the way, writes {@code OUT/.quarry-journal.json} (synced:
 * the commit point) listing the files to move in (each to a path the previous manifest lists, or a free one)
 * and the files of the previous manifest to delete (with their
 * SHA-256, so a file the user changed since is not deleted), and applies it: the old manifest goes first, the
 * new one last. {@link #recover} runs at the start of every build: a journal found is applied again (every step
 * is idempotent), a staging folder without a journal is an unfinished build and is discarded. Nothing that is
 * not in the journal is ever deleted or replaced.
 */
final class Journal {
  static final String FILE = ".quarry-journal.json";

  /** The swap: staged files to move in (relative paths), and files of the previous build to delete, with SHA-256. */
  record Plan(List<String> moves, Map<String, String> deletes) {
    Plan {
      moves = List.copyOf(moves);
      deletes = Map.copyOf(deletes);
    }
  }

  private Journal() {}

  /**
   * Moves the build staged in {@code OUT/.quarry-staging} into {@code out}.
   *
   * @param previous the previous manifest's files (path to SHA-256), the only files this may delete or replace
   * @throws UsageException (exit 2) before anything changed, when a file Quarry does not own is in the way
   */
  static void commit(Path out, Map<String, String> previous) throws IOException {
    Plan plan = plan(out, previous);
    write(out, plan);
    apply(out, plan);
  }

  /**
   * Completes a swap a crash interrupted, or discards an unfinished staging folder.
   *
   * @return whether an interrupted swap was completed
   */
  static boolean recover(Path out) throws IOException {
    Path j = out.resolve(FILE);
    boolean completed = false;
    if (Files.isRegularFile(j, LinkOption.NOFOLLOW_LINKS)) {
      Optional<Plan> plan = read(j);
      if (plan.isPresent()) {
        apply(out, plan.get());
        completed = true;
      } else {
        delete(j);
      }
    }
    deleteTree(out.resolve(OutputFolder.STAGING));
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("." + FILE + ".")).toList()) {
        delete(p);
      }
    }
    return completed;
  }

  static Plan plan(Path out, Map<String, String> previous) throws IOException {
    Path staging = out.resolve(OutputFolder.STAGING);
    List<String> moves = new ArrayList<>();
    try (Stream<Path> s = Files.walk(staging)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
          .map(p -> staging.relativize(p).toString().replace('\\', '/')).sorted().forEach(moves::add);
    }
    for (String r : moves) {
      if (r.equals(BuildState.FILE) || r.equals(Manifest.FILE) && Manifest.isQuarryManifest(out.resolve(r))) {
        continue;
      }
      Optional<Path> t = OutputFolder.owned(out, r);
      if (t.isEmpty()) {
        throw inTheWay(out, r, "a folder on its path is a link or a file");
      }
      if (Files.exists(t.get(), LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isRegularFile(t.get(), LinkOption.NOFOLLOW_LINKS)) {
          throw inTheWay(out, r, "it is not a regular file");
        }
        // A path the last manifest lists is Quarry's to replace even if edited since; deleting one needs its hash.
        if (!previous.containsKey(r) && !Hashing.sha256(t.get()).equals(Hashing.sha256(staging.resolve(r)))) {
          throw inTheWay(out, r, "the file there is not Quarry's (not in the last build's manifest, or changed since)");
        }
      }
    }
    Set<String> staged = new TreeSet<>(moves);
    Map<String, String> deletes = new TreeMap<>();
    for (Map.Entry<String, String> e : previous.entrySet()) {
      Optional<Path> p = OutputFolder.owned(out, e.getKey());
      if (!staged.contains(e.getKey()) && p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)
          && Hashing.sha256(p.get()).equals(e.getValue())) {
        deletes.put(e.getKey(), e.getValue());
      }
    }
    return new Plan(moves, deletes);
  }

  private static void apply(Path out, Plan plan) throws IOException {
    Path staging = out.resolve(OutputFolder.STAGING);
    // While files move, no manifest claims the folder: the old one goes first, the new one comes last.
    if (Files.exists(staging.resolve(Manifest.FILE))) {
      delete(out.resolve(Manifest.FILE));
    }
    for (String r : plan.moves()) {
      if (!r.equals(Manifest.FILE)) {
        move(out, staging, r);
      }
    }
    for (Map.Entry<String, String> e : plan.deletes().entrySet()) {
      Optional<Path> p = OutputFolder.owned(out, e.getKey());
      if (p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)
          && Hashing.sha256(p.get()).equals(e.getValue())) {
        delete(p.get());
        pruneEmptyParents(out, p.get());
      }
    }
    if (plan.moves().contains(Manifest.FILE)) {
      move(out, staging, Manifest.FILE);
    }
    delete(out.resolve(FILE));
    deleteTree(staging);
  }

  private static void move(Path out, Path staging, String r) throws IOException {
    Path src = staging.resolve(r);
    if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
      return; // moved before a crash
    }
    Path target = r.equals(BuildState.FILE) ? out.resolve(r) : OutputFolder.owned(out, r)
        .orElseThrow(() -> new IOException(out.resolve(r) + ": a folder on its path became a link or a file"));
    Files.createDirectories(target.getParent());
    FaultPoint.hit("rename", target);
    Files.move(src, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void write(Path out, Plan plan) throws IOException {
    ObjectNode j = Json.mapper().createObjectNode().put("format", 1);
    plan.moves().forEach(j.putArray("moves")::add);
    ObjectNode d = j.putObject("deletes");
    new TreeMap<>(plan.deletes()).forEach(d::put);
    Path tmp = out.resolve("." + FILE + "." + ProcessHandle.current().pid() + ".tmp");
    FaultPoint.hit("journal", out.resolve(FILE));
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(Json.pretty().writeValueAsBytes(j)));
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    FaultPoint.hit("rename", out.resolve(FILE));
    Files.move(tmp, out.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(out);
  }

  private static Optional<Plan> read(Path j) {
    try {
      JsonNode n = Json.mapper().readTree(j.toFile());
      if (n == null || !n.path("moves").isArray() || !n.path("deletes").isObject()) {
        return Optional.empty();
      }
      List<String> moves = new ArrayList<>();
      n.get("moves").forEach(m -> moves.add(m.asText()));
      Map<String, String> deletes = new TreeMap<>();
      n.get("deletes").fields().forEachRemaining(e -> deletes.put(e.getKey(), e.getValue().asText()));
      return Optional.of(new Plan(moves, deletes));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can sync a folder; the rename is still atomic.
    }
  }

  private static void delete(Path p) throws IOException {
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      FaultPoint.hit("delete", p);
      Files.deleteIfExists(p);
    }
  }

  private static void pruneEmptyParents(Path out, Path file) throws IOException {
    for (Path d = file.getParent(); d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
      try {
        Files.delete(d);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
    }
  }

  /** Deletes a folder Quarry owns whole (the staging folder). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      delete(p);
    }
  }

  private static UsageException inTheWay(Path out, String r, String why) {
    return new UsageException(out.resolve(r) + ": this build writes this path, but " + why,
        "move it out of the output folder and build again; nothing was changed");
  }
}
