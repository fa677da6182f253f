package dev.quarry.registry;

import dev.quarry.InputException;
import dev.quarry.UsageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The adapter registry: adapters with their lineage, eval scores and stage, in an SQLite file. Writes are
 * single transactions, safe against a second writer in another thread or process. Not thread-safe itself:
 * open one per thread.
 *
 * <pre>{@code
 * try (Registry r = Registry.open(Path.of("registry.db"))) {
 *   r.add(AdapterReader.read(dir, manifest, null, null, r.now()));
 *   r.promote("acme-v2", Stage.PRODUCTION);
 * }
 * }</pre>
 */
public final class Registry implements AutoCloseable {
  private static final String COLUMNS = "name, adapter_dir, base_model, peft_type, rank, alpha, target_modules,"
      + " config_sha256, weights, weights_sha256, manifest_path, manifest_sha256, tool_version, config_hash,"
      + " dataset_files, eval, stage, registered_at";

  private final RegistryDb db;
  private final Clock clock;

  private Registry(RegistryDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Opens (creating on first use) the registry at {@code file}.
   *
   * @throws InputException when the file is not a registry or is corrupt; it is never overwritten
   */
  public static Registry open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the clock that stamps registrations and stage changes. */
  public static Registry open(Path file, Clock clock) {
    return new Registry(RegistryDb.open(file), clock);
  }

  /** The default registry file: {@code $QUARRY_REGISTRY}, else {@code ~/.quarry/registry.db}. */
  public static Path defaultFile() {
    String env = System.getenv("QUARRY_REGISTRY");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".quarry", "registry.db");
  }

  /** The current instant as stored, ISO-8601 UTC to the second. */
  public String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The schema version of the open file. */
  public int schemaVersion() {
    return db.schemaVersion();
  }

  /** What {@link #add} did. */
  public enum Added {
    /** A new adapter was registered. */
    REGISTERED,
    /** The same adapter (same weights and dataset) was already registered under this name; nothing changed. */
    UNCHANGED
  }

  /**
   * Registers an adapter at stage {@code registered}. Registering the same weights and dataset under the same
   * name again changes nothing.
   *
   * @throws UsageException when the name is taken by other weights or another dataset
   */
  public Added add(Adapter a) {
    return db.inTransaction(c -> {
      Optional<Adapter> existing = find(c, a.name());
      if (existing.isPresent()) {
        Adapter e = existing.get();
        if (e.weightsSha256().equals(a.weightsSha256()) && e.lineage().manifestSha256().equals(a.lineage().manifestSha256())
            && e.config().sha256().equals(a.config().sha256())) {
          return Added.UNCHANGED;
        }
        throw new UsageException("adapter name \"" + a.name() + "\" is already registered with other weights or "
            + "another dataset", "pass --name to register this adapter under a new name");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO adapters (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        AdapterRows.bind(ps, a.withStage(Stage.REGISTERED));
        ps.executeUpdate();
      }
      return Added.REGISTERED;
    });
  }

  /** Every adapter, by base model then name. */
  public List<Adapter> list() {
    return db.read(c -> {
      List<Adapter> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM adapters ORDER BY base_model, name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(AdapterRows.read(rs));
        }
      }
      return out;
    });
  }

  /** The adapter called {@code name}, if registered. */
  public Optional<Adapter> find(String name) {
    return db.read(c -> find(c, name));
  }

  /**
   * The adapter called {@code name}.
   *
   * @throws UsageException when there is none
   */
  public Adapter get(String name) {
    return find(name).orElseThrow(() -> unknown(name));
  }

  /**
   * Moves an adapter to {@code stage}. Promoting to production demotes the base model's current production
   * adapter to staging in the same transaction, so there is always at most one production adapter per base
   * model. Every change is recorded in the stage history.
   *
   * @return the adapter demoted from production, if any
   * @throws UsageException when the adapter is unknown
   */
  public Optional<String> promote(String name, Stage stage) {
    String at = now();
    return db.inTransaction(c -> {
      Adapter a = find(c, name).orElseThrow(() -> unknown(name));
      Optional<String> demoted = Optional.empty();
      if (stage == Stage.PRODUCTION) {
        Optional<String> current = production(c, a.config().baseModel());
        if (current.isPresent() && !current.get().equals(name)) {
          setStage(c, current.get(), Stage.PRODUCTION, Stage.STAGING, at);
          demoted = current;
        }
      }
      if (a.stage() != stage) {
        setStage(c, name, a.stage(), stage, at);
      }
      return demoted;
    });
  }

  /** The adapters at {@code stage}, by base model then name. */
  public List<Adapter> inStage(Stage stage) {
    return list().stream().filter(a -> a.stage() == stage).toList();
  }

  /** The stage changes of an adapter, oldest first, as {@code at from -> to}. */
  public List<String> history(String name) {
    return db.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT at, from_stage, to_stage FROM stage_changes WHERE adapter = ? ORDER BY id")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1) + " " + rs.getString(2) + " -> " + rs.getString(3));
          }
        }
      }
      return out;
    });
  }

  private static Optional<String> production(Connection c, String baseModel) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT name FROM adapters WHERE base_model = ? AND stage = 'production'")) {
      ps.setString(1, baseModel);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static void setStage(Connection c, String name, Stage from, Stage to, String at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE adapters SET stage = ? WHERE name = ?")) {
      ps.setString(1, to.wire());
      ps.setString(2, name);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO stage_changes (adapter, from_stage, to_stage, at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, from.wire());
      ps.setString(3, to.wire());
      ps.setString(4, at);
      ps.executeUpdate();
    }
  }

  private static Optional<Adapter> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM adapters WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(AdapterRows.read(rs)) : Optional.empty();
      }
    }
  }

  private static UsageException unknown(String name) {
    return new UsageException("no adapter named \"" + name + "\" in the registry",
        "see quarry registry list, or register it with quarry registry add");
  }

  @Override
  public void close() {
    db.close();
  }
}
