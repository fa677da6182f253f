package dev.quarry.registry;

import dev.quarry.InputException;
import dev.quarry.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a PEFT adapter folder, its dataset manifest and optionally an eval report into an {@link Adapter}
 * ready to register. Weight files are {@code adapter_model.safetensors} and {@code adapter_model.bin}, and
 * their sharded forms ({@code adapter_model-00001-of-00002.safetensors}).
 */
public final class AdapterReader {
  private AdapterReader() {}

  /**
   * Reads everything an adapter's registration records.
   *
   * @param dir the adapter folder
   * @param manifest the dataset's {@code manifest.json}
   * @param evalReport an eval report, or {@code null}
   * @param name the name to register under, or {@code null} for the folder's name
   * @param registeredAt the registration instant, ISO-8601
   * @throws InputException when a file is missing or unreadable, or the folder has no weight file or an empty one
   */
  public static Adapter read(Path dir, Path manifest, Path evalReport, String name, String registeredAt) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir.toString(), 0, "not a folder", "pass the folder the trainer saved the adapter in");
    }
    Path abs = dir.toAbsolutePath().normalize();
    String n = name != null ? name : abs.getFileName().toString();
    AdapterConfig config = AdapterConfig.read(dir);
    List<WeightFile> weights = weights(dir);
    Lineage lineage = Lineage.read(manifest);
    EvalSummary eval = evalReport == null ? null : EvalSummary.read(evalReport);
    return new Adapter(Adapter.checkName(n), abs.toString(), config, weights, fingerprint(weights), lineage, eval,
        Stage.REGISTERED, registeredAt);
  }

  /** Hashes the weight files of {@code dir}, sorted by name. */
  static List<WeightFile> weights(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> isWeightFile(p.getFileName().toString()) && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir.toString(), 0, "cannot list the folder: " + e.getMessage(), "check the permissions");
    }
    if (files.isEmpty()) {
      throw new InputException(dir.toString(), 0, "no adapter_model.safetensors or adapter_model.bin",
          "pass the folder the trainer saved the adapter in");
    }
    List<WeightFile> out = new ArrayList<>();
    for (Path p : files) {
      try {
        long size = Files.size(p);
        if (size == 0) {
          throw new InputException(p.toString(), 0, "the weight file is empty (0 bytes): the trainer did not finish "
              + "saving it", "train again, or pass the folder of a finished run");
        }
        out.add(new WeightFile(p.getFileName().toString(), size, Hashing.sha256(p)));
      } catch (IOException e) {
        throw new InputException(p.toString(), 0, "cannot read: " + e.getMessage(), "check the permissions");
      }
    }
    return out;
  }

  static boolean isWeightFile(String name) {
    return name.startsWith("adapter_model") && (name.endsWith(".safetensors") || name.endsWith(".bin"));
  }

  /** SHA-256 over {@code name \t sha256 \n} of each file in order. */
  static String fingerprint(List<WeightFile> weights) {
    MessageDigest md = Hashing.digest();
    for (WeightFile w : weights) {
      md.update((w.name() + "\t" + w.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
