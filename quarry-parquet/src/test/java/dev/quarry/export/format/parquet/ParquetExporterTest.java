package dev.quarry.export.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parquet export of the golden fixture dataset: Hugging Face layout, fixed schema, rows in input order,
 * byte-identical on every run and equal to the golden files under {@code golden/parquet/basic/expected}
 * (regenerate with {@code -Dquarry.golden.update=true}).
 */
class ParquetExporterTest {
  private static final Path INPUT = Path.of("../quarry-core/src/test/resources/golden/export/basic/input");
  private static final Path EXPECTED = Path.of("src/test/resources/golden/parquet/basic/expected");

  @Test
  void isFoundThroughTheServiceLoaderAfterTheBuiltIns() {
    assertThat(Exporters.formats()).containsExactly("openai", "sharegpt", "alpaca", "parquet");
    assertThat(Exporters.byFormat("parquet")).isInstanceOf(ParquetExporter.class);
  }

  @Test
  void writesOneFilePerSplitInTheHuggingFaceLayoutReproducibly(@TempDir Path tmp) throws Exception {
    new ParquetExporter().export(DatasetSplits.in(INPUT), tmp.resolve("a"));
    new ParquetExporter().export(DatasetSplits.in(INPUT), tmp.resolve("b"));
    for (String split : List.of("train", "validation", "test")) {
      Path a = tmp.resolve("a").resolve(new ParquetExporter().fileOf(split));
      assertThat(a).exists();
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(new ParquetExporter().fileOf(split))))
          .as("second export of %s", split).isEqualTo(Files.readAllBytes(a));
      Path golden = EXPECTED.resolve(new ParquetExporter().fileOf(split));
      if (Boolean.getBoolean("quarry.golden.update")) {
        Files.createDirectories(golden.getParent());
        Files.copy(a, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(Files.readAllBytes(a)).as("golden %s", golden).isEqualTo(Files.readAllBytes(golden));
    }
    try (Stream<Path> files = Files.list(tmp.resolve("a").resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).as("no temporary files left")
          .containsExactly("test-00000-of-00001.parquet", "train-00000-of-00001.parquet",
              "validation-00000-of-00001.parquet");
    }
  }

  @Test
  void keepsTheSchemaAndTheRowsInInputOrder(@TempDir Path tmp) throws Exception {
    new ParquetExporter().export(DatasetSplits.in(INPUT), tmp);
    String file = tmp.resolve(new ParquetExporter().fileOf("train")).toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      List<String> schema = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM '" + file + "'")) {
        while (rs.next()) {
          schema.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
      assertThat(schema).containsExactly("id VARCHAR", "messages STRUCT(\"role\" VARCHAR, \"content\" VARCHAR)[]",
          "category VARCHAR", "language VARCHAR", "source STRUCT(extractor VARCHAR, repo VARCHAR, path VARCHAR, "
              + "lines INTEGER[], symbol VARCHAR, \"commit\" VARCHAR)", "tags VARCHAR[]");
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT id, category, len(messages), messages[-1].content FROM '" + file + "'")) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
        }
      }
      List<String> expected;
      try (Stream<dev.quarry.model.Example> in = dev.quarry.io.JsonlReader.examples(INPUT.resolve("train.jsonl"))) {
        expected = in.map(e -> e.id() + " " + e.category() + " " + e.messages().size() + " " + e.finalAnswer()).toList();
      }
      assertThat(rows).hasSize(3).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void writesNoFileForAMissingOrEmptySplit(@TempDir Path tmp) throws Exception {
    Path in = Path.of("../quarry-core/src/test/resources/golden/export/train-only/input");
    new ParquetExporter().export(DatasetSplits.in(in), tmp);
    assertThat(tmp.resolve(new ParquetExporter().fileOf("train"))).exists();
    assertThat(tmp.resolve(new ParquetExporter().fileOf("validation"))).doesNotExist();
    assertThat(tmp.resolve(new ParquetExporter().fileOf("test"))).doesNotExist();
  }

  @Test
  void aDatasetWithToolUseGetsToolCallsAndToolCallIdsInTheMessageStruct(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("train.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"-3 C\"},"
        + "{\"role\":\"assistant\",\"content\":\"It is -3 C.\"}],\"category\":\"general\",\"language\":\"text\","
        + "\"source\":{\"extractor\":\"import\",\"repo\":null,\"path\":\"t.jsonl\",\"lines\":[1,1],\"symbol\":null,"
        + "\"commit\":null},\"tags\":[],\"meta\":{}}\n");
    Path out = tmp.resolve("out");
    new ParquetExporter().export(DatasetSplits.in(in), out);
    String file = out.resolve(new ParquetExporter().fileOf("train")).toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT messages[2].tool_calls[1].function.name, "
            + "messages[2].tool_calls[1].function.arguments, messages[2].content, messages[3].tool_call_id, "
            + "messages[1].tool_calls FROM '" + file + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("get_weather");
      assertThat(rs.getString(2)).isEqualTo("{\"city\":\"Oslo\"}");
      assertThat(rs.getString(3)).isNull();
      assertThat(rs.getString(4)).isEqualTo("c1");
      assertThat(rs.getObject(5)).isNull();
    }
  }
}
