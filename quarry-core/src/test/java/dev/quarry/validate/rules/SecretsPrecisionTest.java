package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The precision corpus ({@code validate/secrets-precision/corpus.txt}): legitimate code and prose (test fixtures,
 * docs, hashes, UUIDs, base64 images, public keys, placeholders). At most 2 % of its samples may get an error.
 */
class SecretsPrecisionTest {
  private final RuleHarness h = new RuleHarness(new SecretsRule());

  @Test
  void legitimateCodeHasAtMostTwoPercentErrors() throws IOException {
    String all;
    try (var in = getClass().getResourceAsStream("/validate/secrets-precision/corpus.txt")) {
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int samples = 0;
    List<String> errors = new ArrayList<>();
    for (String b : all.split("(?m)^@@ ")) {
      if (b.isBlank()) {
        continue;
      }
      samples++;
      int nl = b.indexOf('\n');
      String path = b.substring(0, nl).trim();
      Example e = Example.of(List.of(Message.user("Show " + path), Message.assistant("```\n" + b.substring(nl + 1) + "```")),
          "api-client", "python", new Source("code", "acme", path, null, null, null));
      for (Finding f : h.check(e)) {
        if (f.severity().wire().equals("error")) {
          errors.add(path + ": " + f.message());
        }
      }
    }
    assertThat(samples).isGreaterThanOrEqualTo(25);
    assertThat(errors.size()).as(String.join("\n", errors)).isLessThanOrEqualTo(samples * 2 / 100);
  }
}
