package dev.quarry.extract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.code.Templates;
import dev.quarry.model.LineRange;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionsTest {
  private final Questions questions = new Questions(new Templates("docs", Map.of(), Path.of("")));

  private static Section section(String heading, String parent) {
    return new Section(parent == null ? 2 : 3, heading, Optional.ofNullable(parent), "Some rule text.",
        new LineRange(1, 2), Optional.empty());
  }

  @Test
  void anActivityHeadingIsAskedByTheDeveloperDoingIt() {
    assertThat(questions.ask("docs/testing.md", section("Writing Python tests", null), "shop"))
        .startsWith("I'm writing Python tests ").contains("shop");
  }

  @Test
  void aTopicWhoseFirstNounEndsInIngIsNotAnActivity() {
    assertThat(questions.ask("docs/code.md", section("Naming and layout", null), "shop"))
        .containsIgnoringCase("naming and layout").doesNotStartWith("I'm naming");
  }

  @Test
  void aOneWordHeadingTheSectionWritesAsANameKeepsItsCapital() {
    Section python = new Section(2, "Python", Optional.empty(), "Target Python 3.11 and keep Python code typed.",
        new LineRange(1, 2), Optional.empty());
    assertThat(questions.ask("docs/code.md", python, "shop")).contains("Python").doesNotContain("python");
    assertThat(Questions.properNoun("Layout", "Keep the layout below; Layout rules are strict.")).isFalse();
    assertThat(Questions.properNoun("Python", "Target Python 3.11.")).isTrue();
  }

  @Test
  void aQuestionHeadingWithoutAQuestionMarkIsAskedAsAQuestion() {
    assertThat(questions.ask("docs/testing.md", section("What must be tested", null), "shop"))
        .startsWith("What must be tested? ");
  }

  @Test
  void aTopicHeadingBecomesAGoalThatTouchesItAndNamesNoDocument() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      String q = questions.ask("docs/security" + i + ".md", section("Input handling and SQL", null), "shop");
      assertThat(q).containsIgnoringCase("input handling and SQL").contains("shop")
          .doesNotContain("What does", "security", "Summarize");
      seen.add(q.substring(0, q.indexOf(' ', 12)));
    }
    assertThat(seen).as("several scenario phrasings").hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void aSubsectionTopicNamesItsParentSection() {
    assertThat(questions.ask("a.md", section("Retries", "Error handling"), "shop"))
        .containsIgnoringCase("retries as part of error handling");
  }

  @Test
  void anUntitledReadmeIsNamedAfterItsFolder() {
    assertThat(questions.documentName("sdk/README.md")).isEqualTo("sdk guide");
  }
}
