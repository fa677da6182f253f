package dev.quarry.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.eval.EvalItem;
import dev.quarry.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiChoiceScorerTest {
  private static EvalItem item(List<String> expected) {
    return new EvalItem("q-1", "sdk", "tsx", List.of(Message.user("I want to search from a React page")), "ref",
        expected);
  }

  @Test
  void scoresTheShareOfExpectedNamesTheAnswerUses() {
    Score s = new ApiChoiceScorer().score("Use `useVectorSearch` in the component.",
        item(List.of("useVectorSearch", "searchVectors")));
    assertThat(s.scorer()).isEqualTo("api-choice");
    assertThat(s.value()).isEqualTo(0.5);
    assertThat(s.findings()).containsExactly("missing searchVectors");
  }

  @Test
  void aLongerNameContainingTheExpectedOneDoesNotCount() {
    assertThat(new ApiChoiceScorer().score("useVectorSearchLegacy()", item(List.of("useVectorSearch"))).value())
        .isEqualTo(0.0);
  }

  @Test
  void itemsWithoutExpectedNamesAreNotApplicable() {
    assertThat(new ApiChoiceScorer().score("anything", item(List.of())).applicable()).isFalse();
  }
}
