package dev.quarry.extract.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class FunctionsExtractorTest {
  @Test
  void documentedPublicFunctionsBecomeExamplesAndUndocumentedOnesAreReported() {
    var r = ExtractorFixture.run(new FunctionsExtractor(), "functions/mixed");
    assertThat(r.symbols()).containsExactly("documented", "clamp");
    assertThat(r.bySymbol("documented").source().lines()).isEqualTo(new LineRange(1, 6));
    assertThat(r.bySymbol("documented").messages().get(1).content()).contains("Double a number.");
    assertThat(r.bySymbol("clamp").source().lines()).isEqualTo(new LineRange(4, 6));
    assertThat(r.bySymbol("clamp").messages().get(1).content()).contains("Clamps a value into a range.");
    assertThat(r.coverage().skips()).singleElement().satisfies(s -> {
      assertThat(s.symbol()).isEqualTo("undocumented");
      assertThat(s.reason()).isEqualTo(SkipReason.INCOMPLETE);
    });
  }
}
