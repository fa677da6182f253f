package dev.quarry.registry;

import java.nio.file.Path;

/**
 * A second process for the concurrency test: registers {@code count} adapters named {@code prefix-i} into the
 * registry {@code db}, promoting each to production. Arguments: db, root folder, prefix, count.
 */
public final class RegistryWriterProcess {
  private RegistryWriterProcess() {}

  /** Entry point of the child JVM. */
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    Path root = Path.of(args[1]);
    String prefix = args[2];
    int count = Integer.parseInt(args[3]);
    java.nio.file.Files.createDirectories(root);
    Path manifest = AdapterFixtures.manifest(root, prefix);
    try (Registry r = Registry.open(db)) {
      for (int i = 0; i < count; i++) {
        Path dir = AdapterFixtures.adapter(root, prefix + "-" + i, "base/model", 8, prefix + i);
        r.add(AdapterReader.read(dir, manifest, null, null, r.now()));
        r.promote(prefix + "-" + i, Stage.PRODUCTION);
      }
    }
  }
}
