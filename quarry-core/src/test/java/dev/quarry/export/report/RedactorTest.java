package dev.quarry.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void masksWellKnownCredentialShapes() {
    assertThat(Redactor.scrub("key AKIAIOSFODNN7EXAMPLE end")).isEqualTo("key [redacted] end");
    assertThat(Redactor.scrub("t = ghp_" + "a".repeat(36))).doesNotContain("aaaa");
    assertThat(Redactor.scrub("postgres://app:s3cretpw@db:5432/x")).isEqualTo("postgres://app:[redacted]@db:5432/x");
    assertThat(Redactor.scrub("PASSWORD = \"correcthorse\"")).isEqualTo("PASSWORD = \"[redacted]\"");
    assertThat(Redactor.scrub("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"))
        .isEqualTo("[redacted]");
  }

  @Test
  void leavesOrdinaryCodeAlone() {
    String code = "def token_count(text: str) -> int:\n    return len(text.split())";
    assertThat(Redactor.scrub(code)).isEqualTo(code);
  }

  @Test
  void replacesTheLinesASecretsFindingPointsAt() {
    Map<String, Set<Integer>> lines = new TreeMap<>();
    var rejections = dev.quarry.io.Json.mapper().createArrayNode();
    rejections.addObject().put("rule", "secrets").put("location", "assistant:2");
    rejections.addObject().put("rule", "syntax").put("location", "assistant:1");
    assertThat(RecordSamples.sensitiveLines(rejections, lines)).isFalse();
    assertThat(lines).containsOnlyKeys("assistant#1");
    assertThat(RecordSamples.redactLines("a\nsecret\nc", lines.get("assistant#1")))
        .isEqualTo("a\n[redacted] (line flagged by a rule)\nc");
  }

  @Test
  void locatesTheKthMessageOfARoleAndWholeMessages() {
    Map<String, Set<Integer>> lines = new TreeMap<>();
    var rejections = dev.quarry.io.Json.mapper().createArrayNode();
    rejections.addObject().put("rule", "secrets").put("location", "assistant#2:3");
    rejections.addObject().put("rule", "pii").put("location", "user");
    assertThat(RecordSamples.sensitiveLines(rejections, lines)).isFalse();
    assertThat(lines).containsEntry("assistant#2", Set.of(3)).containsEntry("user#1", Set.of(RecordSamples.WHOLE));
    assertThat(RecordSamples.redactLines("x\ny", lines.get("user#1"))).isEqualTo("[redacted] (message flagged by a rule)");
  }

  @Test
  void aSecretsFindingWithoutALineHidesTheWholeRecord() {
    var rejections = dev.quarry.io.Json.mapper().createArrayNode();
    rejections.addObject().put("rule", "secrets").put("location", "record");
    assertThat(RecordSamples.sensitiveLines(rejections, new TreeMap<>())).isTrue();
  }
}
