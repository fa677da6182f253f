package dev.quarry.registry;

import java.util.List;

/**
 * The registry's schema, as an ordered list of migrations: migration {@code i} (1-based) moves a database
 * from schema version {@code i - 1} to {@code i}. Migrations are append-only: never edit a published one, add
 * the next.
 */
final class Migrations {
  static final List<List<String>> ALL = List.of(
      List.of(
          "CREATE TABLE adapters ("
              + " name TEXT PRIMARY KEY,"
              + " adapter_dir TEXT NOT NULL,"
              + " base_model TEXT NOT NULL,"
              + " peft_type TEXT NOT NULL,"
              + " rank INTEGER NOT NULL,"
              + " alpha REAL NOT NULL,"
              + " target_modules TEXT NOT NULL,"
              + " config_sha256 TEXT NOT NULL,"
              + " weights TEXT NOT NULL,"
              + " weights_sha256 TEXT NOT NULL,"
              + " manifest_path TEXT NOT NULL,"
              + " manifest_sha256 TEXT NOT NULL,"
              + " tool_version TEXT NOT NULL,"
              + " config_hash TEXT NOT NULL,"
              + " dataset_files TEXT NOT NULL,"
              + " eval TEXT,"
              + " stage TEXT NOT NULL CHECK (stage IN ('registered', 'staging', 'production')),"
              + " registered_at TEXT NOT NULL)"),
      List.of(
          "CREATE UNIQUE INDEX adapters_one_production ON adapters(base_model) WHERE stage = 'production'",
          "CREATE TABLE stage_changes ("
              + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " adapter TEXT NOT NULL REFERENCES adapters(name),"
              + " from_stage TEXT NOT NULL,"
              + " to_stage TEXT NOT NULL,"
              + " at TEXT NOT NULL)"));

  private Migrations() {}

  /** The schema version this code writes. */
  static int latest() {
    return ALL.size();
  }
}
