package dev.quarry.eval.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InputException;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolIndexTest {
  @TempDir
  Path tmp;

  @Test
  void indexesTheAcmeHooksEndpointsAndDefinitions() {
    SymbolIndex idx = AcmeRecords.index();
    assertThat(idx.examples()).isEqualTo(8);
    assertThat(idx.hooks()).contains("useChat", "useRAG", "useEmbedding", "useAgent", "useVectorSearch");
    assertThat(idx.endpoints()).contains("/v1/chat/completions", "/v1/rag/query");
    assertThat(idx.isPlatformName("AcmeClient")).isTrue();
    assertThat(idx.isPlatformName("fetchWithTimeout")).isTrue();
    assertThat(idx.knows("useQuantumSync")).isFalse();
  }

  @Test
  void sourceSymbolsBecomeEndpointsHooksOrSymbols() {
    Example a = example("POST /v1/vectors/{vector_id}", "x");
    Example b = example("useThing", "y");
    Example c = example("VectorStore.upsert_many", "z");
    SymbolIndex idx = SymbolIndex.build(Stream.of(a, b, c));
    assertThat(idx.endpoints()).containsExactly("/v1/vectors/{}");
    assertThat(idx.hooks()).containsExactly("useThing");
    assertThat(idx.isPlatformName("VectorStore")).isTrue();
    assertThat(idx.isPlatformName("upsert_many")).isTrue();
  }

  @Test
  void writesAndReadsBackTheSameIndexByteForByte() throws Exception {
    SymbolIndex idx = AcmeRecords.index();
    Path f1 = tmp.resolve("symbols.json");
    Path f2 = tmp.resolve("again.json");
    idx.write(f1);
    SymbolIndex.read(f1).write(f2);
    assertThat(Files.readString(f2)).isEqualTo(Files.readString(f1));
    AcmeRecords.index().write(f2);
    assertThat(Files.readAllBytes(f2)).isEqualTo(Files.readAllBytes(f1));
    assertThat(Files.readString(f1)).startsWith("{\n  \"format\" : \"quarry-symbols/1\",\n  \"examples\" : 8,");
  }

  @Test
  void loadsAJsonlOfRecordsSkippingMalformedLines() throws Exception {
    Path f = tmp.resolve("extracted.jsonl");
    Files.writeString(f, Files.readString(AcmeRecords.file()) + "{\"not\": \"a record\"}\n");
    SymbolIndex idx = SymbolIndex.load(f);
    assertThat(idx.toJson()).isEqualTo(AcmeRecords.index().toJson());
  }

  @Test
  void buildsOneIndexFromSeveralExtractorFiles() throws Exception {
    List<String> lines = Files.readAllLines(AcmeRecords.file());
    Path hooks = tmp.resolve("hooks.jsonl");
    Path routes = tmp.resolve("routes.jsonl");
    Files.write(hooks, lines.subList(0, 5));
    Files.write(routes, lines.subList(5, lines.size()));
    assertThat(SymbolIndex.build(List.of(hooks, routes)).toJson()).isEqualTo(AcmeRecords.index().toJson());
  }

  @Test
  void aFileOfAnotherFormatIsAnInputError() throws Exception {
    Path f = tmp.resolve("symbols.json");
    Files.writeString(f, "{\"format\":\"something-else\"}");
    assertThatThrownBy(() -> SymbolIndex.read(f)).isInstanceOf(InputException.class)
        .hasMessage(f + ": not a symbol index (format is not \"quarry-symbols/1\") (pass the reports/symbols.json that"
            + " quarry build wrote)");
  }

  private static Example example(String symbol, String text) {
    return Example.of(List.of(Message.user("q " + text), Message.assistant("a " + text)), "sdk", "text",
        new Source("test", null, "f.py", null, symbol, null));
  }
}
