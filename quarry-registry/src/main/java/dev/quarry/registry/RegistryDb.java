package dev.quarry.registry;

import dev.quarry.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The SQLite file behind the registry: opens it (creating it on first use), refuses a file that is not a
 * registry without touching it, migrates the schema, and runs work in {@code BEGIN IMMEDIATE} transactions so
 * two writers (threads or processes) serialise instead of failing; a writer waits up to
 * {@link #BUSY_TIMEOUT_MS} for the other. One instance holds one connection and is not thread-safe: give each
 * thread its own.
 */
final class RegistryDb implements AutoCloseable {
  /** How long a writer waits for another writer's lock, in milliseconds. */
  static final int BUSY_TIMEOUT_MS = 15_000;

  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** Work inside a transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Path file;
  private final Connection conn;

  private RegistryDb(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /**
   * Opens the registry at {@code file}, creating it and its folder when missing, and migrates it.
   *
   * @throws InputException (exit 3) when the file exists but is not a Quarry registry, is corrupt, or was
   *     written by a newer Quarry; the file is left untouched
   */
  static RegistryDb open(Path file) {
    checkHeader(file);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot create the registry's folder: " + e.getMessage(),
          "pass another --db or set QUARRY_REGISTRY");
    }
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
    cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    cfg.enforceForeignKeys(true);
    Connection c;
    try {
      c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw failure(file, e);
    }
    RegistryDb db = new RegistryDb(file, c);
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** Runs {@code work} in one immediate transaction: all of it is committed, or none. */
  <T> T inTransaction(Work<T> work) {
    try {
      conn.setAutoCommit(false);
      try {
        T result = work.run(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          conn.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(file, e);
    }
  }

  /** Runs a read in autocommit mode. */
  <T> T read(Work<T> work) {
    try {
      return work.run(conn);
    } catch (SQLException e) {
      throw failure(file, e);
    }
  }

  /** The schema version of the open database. */
  int schemaVersion() {
    return read(RegistryDb::version);
  }

  private void migrate() {
    inTransaction(c -> {
      boolean hasVersionTable;
      List<String> tables;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        tables = names;
        hasVersionTable = names.contains("schema_version");
      }
      if (!hasVersionTable) {
        if (!tables.isEmpty()) {
          throw new InputException(file.toString(), 0,
              "is an SQLite database but not a Quarry registry (it has tables " + tables + " and no schema_version)",
              "pass another --db; Quarry never changes a database it did not create");
        }
        try (Statement s = c.createStatement()) {
          s.executeUpdate("CREATE TABLE schema_version (version INTEGER NOT NULL)");
          s.executeUpdate("INSERT INTO schema_version (version) VALUES (0)");
        }
      }
      int v = version(c);
      if (v > Migrations.latest()) {
        throw new InputException(file.toString(), 0, "registry schema version " + v
            + " is newer than this Quarry understands (" + Migrations.latest() + ")", "upgrade Quarry");
      }
      for (int i = v; i < Migrations.latest(); i++) {
        try (Statement s = c.createStatement()) {
          for (String sql : Migrations.ALL.get(i)) {
            s.executeUpdate(sql);
          }
          s.executeUpdate("UPDATE schema_version SET version = " + (i + 1));
        }
      }
      return null;
    });
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** A non-empty file that does not start with SQLite's magic is refused before SQLite ever opens it. */
  private static void checkHeader(Path file) {
    if (!Files.isRegularFile(file)) {
      if (Files.exists(file)) {
        throw new InputException(file.toString(), 0, "is not a file", "pass the path of a registry file with --db");
      }
      return;
    }
    byte[] head = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read the registry: " + e.getMessage(),
          "check the file's permissions");
    }
    if (n > 0 && (n < head.length || !Arrays.equals(head, SQLITE_MAGIC))) {
      throw corrupt(file, "is not an SQLite database");
    }
  }

  static InputException failure(Path file, SQLException e) {
    int code = e.getErrorCode();
    if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return corrupt(file, "is corrupt (" + firstLine(e.getMessage()) + ")");
    }
    if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new InputException(file.toString(), 0, "registry is locked by another writer for more than "
          + BUSY_TIMEOUT_MS / 1000 + " s", "retry when the other quarry registry command has finished");
    }
    if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
      return new InputException(file.toString(), 0, "cannot open the registry for writing ("
          + firstLine(e.getMessage()) + ")", "check the file's and its folder's permissions");
    }
    return new InputException(file.toString(), 0, "registry error: " + firstLine(e.getMessage()),
        "check the file; Quarry does not repair registries", e);
  }

  private static InputException corrupt(Path file, String what) {
    return new InputException(file.toString(), 0, what,
        "restore it from a backup or pass another --db; Quarry never overwrites it");
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw failure(file, e);
    }
  }
}
