package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Example;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every planted value of the attack corpus is caught by the secrets rule and gone after --fix. */
class SecretsAttackTest {
  private final RuleHarness h = new RuleHarness(new SecretsRule());

  @Test
  void everyPlantedFamilyIsRejectedAndRedactedAway() {
    List<String> missed = new ArrayList<>();
    for (SecretsAttackCorpus.Planted p : SecretsAttackCorpus.generate(new Random(SecretsAttackCorpus.seed()))) {
      Example e = Records.answer("From `" + p.path() + "`:\n\n```\n" + p.text() + "\n```");
      List<Finding> errors = h.check(e).stream().filter(f -> f.severity().wire().equals("error")).toList();
      if (errors.isEmpty()) {
        missed.add(p.family() + " " + p.path() + ": nothing found");
        continue;
      }
      String fixed = String.join("\n", new SecretsRule().repair(e, h.ctx()).orElseThrow().messages().stream()
          .map(m -> m.content()).toList());
      for (String v : p.checked()) {
        if (fixed.contains(v)) {
          missed.add(p.family() + " " + p.path() + ": value " + v.substring(0, 4) + "… left after --fix");
        }
      }
      for (Finding f : errors) {
        for (String v : p.checked()) {
          assertThat(f.message() + f.location()).doesNotContain(v);
        }
      }
    }
    assertThat(missed).isEmpty();
  }
}
