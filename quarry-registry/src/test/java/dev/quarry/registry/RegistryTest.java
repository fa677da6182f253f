package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InputException;
import dev.quarry.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T04:00:00Z"), ZoneOffset.UTC);
  private static final String BASE = "Qwen/Qwen2.5-Coder-7B-Instruct";

  @TempDir
  Path tmp;

  private Adapter read(String name, String base, String weights, Path eval) throws Exception {
    Path dir = AdapterFixtures.adapter(tmp.resolve("adapters"), name, base, 16, weights);
    return AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "cfg-" + name), eval, null, "2026-11-27T04:00:00Z");
  }

  @Test
  void createsTheDatabaseAndItsFolderOnFirstUseAtTheLatestSchema() {
    Path db = tmp.resolve("nested/dir/registry.db");
    try (Registry r = Registry.open(db, CLOCK)) {
      assertThat(r.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(r.list()).isEmpty();
    }
    assertThat(db).exists();
  }

  @Test
  void lineageRoundTripsThroughTheDatabase() throws Exception {
    Adapter a = read("acme-v1", BASE, "weights-1", AdapterFixtures.evalReport(tmp, 0.625, 0.5));
    try (Registry r = Registry.open(tmp.resolve("r.db"), CLOCK)) {
      assertThat(r.add(a)).isEqualTo(Registry.Added.REGISTERED);
    }
    try (Registry r = Registry.open(tmp.resolve("r.db"), CLOCK)) {
      Adapter back = r.get("acme-v1");
      assertThat(back).isEqualTo(a);
      assertThat(back.config().baseModel()).isEqualTo(BASE);
      assertThat(back.config().rank()).isEqualTo(16);
      assertThat(back.config().alpha()).isEqualTo(32.0);
      assertThat(back.config().targetModules()).containsExactly("q_proj", "v_proj");
      assertThat(back.weights()).extracting(WeightFile::name).containsExactly("adapter_model.safetensors");
      assertThat(back.lineage().toolVersion()).isEqualTo("0.1.0");
      assertThat(back.lineage().configHash()).isEqualTo("cfg-acme-v1");
      assertThat(back.lineage().files()).containsEntry("dataset/train.jsonl", "aa11")
          .containsEntry("dataset/test.jsonl", "bb22");
      assertThat(back.eval().score()).isEqualTo(0.625);
      assertThat(back.eval().baselineScore()).isEqualTo(0.5);
      assertThat(back.eval().categories()).containsEntry("agents", 0.75);
      assertThat(back.stage()).isEqualTo(Stage.REGISTERED);
    }
  }

  @Test
  void addingTheSameAdapterTwiceChangesNothingButANameClashIsAUsageError() throws Exception {
    Adapter a = read("acme", BASE, "weights-1", null);
    try (Registry r = Registry.open(tmp.resolve("r.db"), CLOCK)) {
      r.add(a);
      assertThat(r.add(a)).isEqualTo(Registry.Added.UNCHANGED);
      Files.writeString(tmp.resolve("adapters/acme/adapter_model.safetensors"), "other weights");
      Adapter retrained = AdapterReader.read(tmp.resolve("adapters/acme"), AdapterFixtures.manifest(tmp, "cfg-acme"),
          null, null, r.now());
      assertThatThrownBy(() -> r.add(retrained)).isInstanceOf(UsageException.class)
          .hasMessageContaining("\"acme\" is already registered").hasMessageContaining("--name");
      assertThat(r.list()).hasSize(1);
    }
  }

  @Test
  void promotingToProductionDemotesThePreviousProductionAdapterOfTheSameBaseModel() throws Exception {
    try (Registry r = Registry.open(tmp.resolve("r.db"), CLOCK)) {
      r.add(read("v1", BASE, "w1", null));
      r.add(read("v2", BASE, "w2", null));
      r.add(read("other", "meta-llama/Llama-3.1-8B", "w3", null));
      assertThat(r.promote("v1", Stage.PRODUCTION)).isEmpty();
      assertThat(r.promote("other", Stage.PRODUCTION)).isEmpty();
      assertThat(r.promote("v2", Stage.PRODUCTION)).contains("v1");
      assertThat(r.get("v1").stage()).isEqualTo(Stage.STAGING);
      assertThat(r.get("v2").stage()).isEqualTo(Stage.PRODUCTION);
      assertThat(r.get("other").stage()).isEqualTo(Stage.PRODUCTION);
      assertThat(r.inStage(Stage.PRODUCTION)).extracting(Adapter::name).containsExactly("v2", "other");
      assertThat(r.history("v1")).containsExactly(
          "2026-11-27T04:00:00Z registered -> production", "2026-11-27T04:00:00Z production -> staging");
      assertThat(r.promote("v2", Stage.PRODUCTION)).isEmpty();
      assertThat(r.history("v2")).hasSize(1);
    }
  }

  @Test
  void theDatabaseItselfRefusesASecondProductionAdapterPerBaseModel() throws Exception {
    Path db = tmp.resolve("r.db");
    try (Registry r = Registry.open(db, CLOCK)) {
      r.add(read("v1", BASE, "w1", null));
      r.add(read("v2", BASE, "w2", null));
      r.promote("v1", Stage.PRODUCTION);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE adapters SET stage = 'production' WHERE name = 'v2'"))
          .hasMessageContaining("UNIQUE");
    }
  }

  @Test
  void promotingAnUnknownAdapterNamesIt() {
    try (Registry r = Registry.open(tmp.resolve("r.db"), CLOCK)) {
      assertThatThrownBy(() -> r.promote("ghost", Stage.STAGING)).isInstanceOf(UsageException.class)
          .hasMessage("no adapter named \"ghost\" in the registry (see quarry registry list, or register it with"
              + " quarry registry add)");
    }
  }

  @Test
  void twoConcurrentWritersBothSucceed() throws Exception {
    Path db = tmp.resolve("r.db");
    try (Registry r = Registry.open(db, CLOCK)) {
      r.list();
    }
    int perWriter = 15;
    List<Adapter> left = new ArrayList<>();
    List<Adapter> right = new ArrayList<>();
    for (int i = 0; i < perWriter; i++) {
      left.add(read("left-" + i, BASE, "l" + i, null));
      right.add(read("right-" + i, BASE, "r" + i, null));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (List<Adapter> batch : List.of(left, right)) {
        Callable<Integer> writer = () -> {
          start.await();
          int n = 0;
          try (Registry r = Registry.open(db, CLOCK)) {
            for (Adapter a : batch) {
              r.add(a);
              r.promote(a.name(), Stage.PRODUCTION);
              n++;
            }
          }
          return n;
        };
        done.add(pool.submit(writer));
      }
      start.countDown();
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(perWriter);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Registry r = Registry.open(db, CLOCK)) {
      assertThat(r.list()).hasSize(2 * perWriter);
      assertThat(r.inStage(Stage.PRODUCTION)).hasSize(1);
    }
  }

  @Test
  void aFileThatIsNotSqliteIsAClearInputErrorAndIsNeverOverwritten() throws Exception {
    Path db = tmp.resolve("registry.db");
    byte[] garbage = "this is not a database, it is a shopping list\n".repeat(100).getBytes();
    Files.write(db, garbage);
    assertThatThrownBy(() -> Registry.open(db, CLOCK)).isInstanceOf(InputException.class)
        .hasMessage(db + ": is not an SQLite database (restore it from a backup or pass another --db; Quarry never"
            + " overwrites it)")
        .satisfies(e -> assertThat(((InputException) e).exitCode()).isEqualTo(3));
    assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
  }

  @Test
  void aCorruptSqliteFileIsAClearInputErrorAndIsNeverOverwritten() throws Exception {
    Path db = tmp.resolve("registry.db");
    try (Registry r = Registry.open(db, CLOCK)) {
      r.add(read("v1", BASE, "w1", null));
    }
    byte[] bytes = Files.readAllBytes(db);
    for (int i = 100; i < bytes.length; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(db, bytes);
    assertThatThrownBy(() -> {
      try (Registry r = Registry.open(db, CLOCK)) {
        r.list();
      }
    }).isInstanceOf(InputException.class).hasMessageStartingWith(db + ": is corrupt (")
        .hasMessageEndingWith("(restore it from a backup or pass another --db; Quarry never overwrites it)");
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
  }

  @Test
  void anSqliteDatabaseOfAnotherProgramIsRefusedUntouched() throws Exception {
    Path db = tmp.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE customers (id INTEGER)");
    }
    byte[] before = Files.readAllBytes(db);
    assertThatThrownBy(() -> Registry.open(db, CLOCK)).isInstanceOf(InputException.class)
        .hasMessageContaining("is an SQLite database but not a Quarry registry (it has tables [customers]");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void migratesADatabaseWrittenAtSchemaVersionOne() throws Exception {
    Path db = tmp.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      s.executeUpdate("INSERT INTO schema_version VALUES (1)");
      for (String sql : Migrations.ALL.get(0)) {
        s.executeUpdate(sql);
      }
    }
    try (Registry r = Registry.open(db, CLOCK)) {
      assertThat(r.schemaVersion()).isEqualTo(2);
      r.add(read("v1", BASE, "w1", null));
      assertThat(r.promote("v1", Stage.STAGING)).isEqualTo(Optional.empty());
      assertThat(r.history("v1")).hasSize(1);
    }
  }

  @Test
  void aDatabaseFromANewerQuarryIsRefused() throws Exception {
    Path db = tmp.resolve("new.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      s.executeUpdate("INSERT INTO schema_version VALUES (99)");
    }
    assertThatThrownBy(() -> Registry.open(db, CLOCK)).isInstanceOf(InputException.class)
        .hasMessageContaining("registry schema version 99 is newer than this Quarry understands (2) (upgrade Quarry)");
  }
}
