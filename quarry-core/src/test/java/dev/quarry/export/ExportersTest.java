package dev.quarry.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.UsageException;
import org.junit.jupiter.api.Test;

class ExportersTest {
  @Test
  void listsBuiltInsInAFixedOrder() {
    assertThat(Exporters.builtIns()).extracting(Exporter::format).containsExactly("openai", "sharegpt", "alpaca");
  }

  @Test
  void findsAnExporterByFormat() {
    assertThat(Exporters.byFormat("sharegpt").format()).isEqualTo("sharegpt");
  }

  @Test
  void unknownFormatIsAUsageErrorNamingTheValidOnes() {
    assertThatThrownBy(() -> Exporters.byFormat("csv")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("unknown export format \"csv\" (use one of: openai, sharegpt, alpaca");
  }
}
