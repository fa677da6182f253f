package dev.quarry.extract.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitMessageTest {
  @Test
  void removesTheTrailerBlockAndAttributionLinesBeforeTheMessageBecomesAPrompt() {
    CommitMessage m = CommitMessage.parse("Add retries to the client\n\nRetries 429s.\n\uD83E\uDD16 Generated with Tool"
        + "\n\nSigned-off-by: A <a@x.test>\nCo-Authored-By: Some AI <ai@x.test>\n");
    assertThat(m.subject()).isEqualTo("Add retries to the client");
    assertThat(m.body()).isEqualTo("Retries 429s.");
    assertThat(m.removedLines()).isEqualTo(3);
  }

  @Test
  void removesACoAuthoredByLineEvenOutsideATrailerBlock() {
    CommitMessage m = CommitMessage.parse("Fix the parser\nco-authored-by: Bot <b@x.test>\nIt crashed on tabs.");
    assertThat(m.body()).isEqualTo("It crashed on tabs.");
  }

  @Test
  void takesTheConventionalCommitPrefixAndTrailingReferencesOffTheSubject() {
    CommitMessage m = CommitMessage.parse("fix(router): handle empty paths (#1234)");
    assertThat(m.type()).isEqualTo("fix");
    assertThat(m.subject()).isEqualTo("Handle empty paths");
    assertThat(m.isFix()).isTrue();
  }

  @Test
  void turnsAPastTenseFirstVerbIntoTheImperative() {
    Set<String> verbs = Set.of("add", "fix", "remove", "update", "stop");
    assertThat(CommitMessage.parse("Added a cache").imperative(verbs).subject()).isEqualTo("Add a cache");
    assertThat(CommitMessage.parse("Fixes a crash").imperative(verbs).subject()).isEqualTo("Fix a crash");
    assertThat(CommitMessage.parse("removed dead code").imperative(verbs).subject()).isEqualTo("Remove dead code");
    assertThat(CommitMessage.parse("Stopped the loop").imperative(verbs).subject()).isEqualTo("Stop the loop");
    assertThat(CommitMessage.parse("Minor cleanup here").imperative(verbs).subject()).isEqualTo("Minor cleanup here");
  }

  @Test
  void dropsLeadingGitmojiAndTakesTheBugMojiAsAFix() {
    CommitMessage m = CommitMessage.parse(":bug: Make the login redirect keep the query (#6)");
    assertThat(m.subject()).isEqualTo("Make the login redirect keep the query");
    assertThat(m.isFix()).isTrue();
    assertThat(CommitMessage.parse("\u2728 Add item endpoints").subject()).isEqualTo("Add item endpoints");
  }

  @Test
  void aSubjectNamingABugIsAFix() {
    assertThat(CommitMessage.parse("Handle the regression in url_for").isFix()).isTrue();
    assertThat(CommitMessage.parse("Add a url_for option").isFix()).isFalse();
  }
}
