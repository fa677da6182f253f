package dev.quarry.registry;

import dev.quarry.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registered adapter with its lineage.
 *
 * @param name unique name, also the name a server loads it under ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
 * @param path absolute path of the adapter folder when it was registered
 * @param config what {@code adapter_config.json} says
 * @param weights the weight files, sorted by name
 * @param weightsSha256 SHA-256 over the weight files' names and hashes: one fingerprint of the weights
 * @param lineage the dataset the adapter was trained on
 * @param eval eval scores, or {@code null} when none were recorded
 * @param stage where it is in its life
 * @param registeredAt ISO-8601 UTC instant of registration
 */
public record Adapter(String name, String path, AdapterConfig config, List<WeightFile> weights, String weightsSha256,
    Lineage lineage, EvalSummary eval, Stage stage, String registeredAt) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** Checks the name and copies the list. */
  public Adapter {
    checkName(name);
    weights = List.copyOf(weights);
  }

  /** The eval scores, when recorded. */
  public Optional<EvalSummary> evalIfAny() {
    return Optional.ofNullable(eval);
  }

  /** This adapter at another stage. */
  public Adapter withStage(Stage newStage) {
    return new Adapter(name, path, config, weights, weightsSha256, lineage, eval, newStage, registeredAt);
  }

  /**
   * Checks an adapter name: servers use it as the model name in requests, so it must be simple.
   *
   * @throws UsageException when it is not {@code [A-Za-z0-9][A-Za-z0-9._-]*} of at most 100 characters
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UsageException("adapter name \"" + name + "\" is not allowed",
          "use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters");
    }
    return name;
  }
}
