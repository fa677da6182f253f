package dev.quarry.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.eval.score.Chrf;
import dev.quarry.eval.symbols.CodeBlock;
import dev.quarry.eval.symbols.EndpointPath;
import dev.quarry.eval.symbols.Names;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class EvalPropertiesTest {
  @Property(tries = 300)
  void normalisingAPathTwiceChangesNothing(@ForAll @StringLength(max = 60) String raw) {
    String once = EndpointPath.normalise("/" + raw);
    assertThat(EndpointPath.normalise(once)).isEqualTo(once);
  }

  @Property(tries = 300)
  void findersNeverThrowOnArbitraryText(@ForAll @StringLength(max = 300) String text) {
    EndpointPath.find(text);
    Names.hooks(text);
    Names.definitions(text);
    Names.referenced(text);
    Names.modules(text);
    CodeBlock.of(text);
  }

  @Property(tries = 200)
  void chrfIsWithinZeroAndOneAndOneOnItself(@ForAll @StringLength(min = 1, max = 120) String a,
      @ForAll @StringLength(max = 120) String b) {
    assertThat(Chrf.score(a, b)).isBetween(0.0, 1.0);
    double self = Chrf.score(a, a);
    assertThat(self == 0.0 || Math.abs(self - 1.0) < 1e-9).isTrue();
  }
}
