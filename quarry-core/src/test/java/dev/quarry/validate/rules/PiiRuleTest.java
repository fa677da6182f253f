package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRuleTest {
  private final RuleHarness h = new RuleHarness(new PiiRule());

  @ParameterizedTest
  @ValueSource(strings = {"Mail jane.doe@acme-corp.io now", "Call +44 20 7946 0958", "Call (415) 555-2671",
      "server at 8.8.4.4 is down", "host 2a00:1450:4001:81b::200e", "ping 93.184.216.34"})
  void warnsAboutPersonalData(String text) {
    List<Finding> f = h.answer("intro\n" + text);
    assertThat(f).as(text).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("pii");
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(f.get(0).location()).isEqualTo("assistant:2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@example.com", "ops@mail.example.org", "a@b.test", "x@y.invalid", "git@github.com:o/r.git",
      "192.0.2.10", "198.51.100.7", "203.0.113.9", "127.0.0.1", "0.0.0.0", "localhost:8080", "2001:db8::1", "::1",
      "version 1.2.3", "v2.10.4.1-beta", "a[1::2]", "std::vector", "at 12:30:45", "555-0142 (415) 555-0100",
      "id 1234567890", "@pytest.fixture", "\"@acme/sdk\": \"^1.2.0\"", "00:1A:2B:3C:4D:5E", "1.2.3.4.5"})
  void leavesExamplesAndCodeAlone(String text) {
    assertThat(h.answer(text)).as(text).isEmpty();
  }

  @Test
  void privateAddressesAreNotes() {
    List<Finding> f = h.answer("db at 10.0.3.4");
    assertThat(f).extracting(Finding::severity).containsExactly(Severity.INFO);
  }

  @Test
  void masksValuesAndHonoursAllowList() {
    assertThat(h.answer("jane.doe@acme-corp.io").get(0).message()).doesNotContain("jane.doe").contains("j***@acme-corp.io");
    RuleHarness a = new RuleHarness(new PiiRule(), "validate:\n  pii:\n    allow: [acme-corp.io, 8.8.4.4]\n");
    assertThat(a.answer("jane.doe@acme-corp.io and 8.8.4.4")).isEmpty();
  }
}
