package dev.quarry.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code mentions: allow-in-code}, prose about an integration is judged like code: prose naming a product
 * that the run's code integrates, or naming a product's surface (its desktop app, extension, API), and other
 * mentions of that product in the same record. Authorship claims stay errors whatever the policy.
 */
class AttributionIntegrationsStageTest {
  @TempDir
  Path dir;

  private static final QuarryConfig ALLOW_IN_CODE =
      ConfigLoader.parse("quarry.yaml", "validate:\n  attribution:\n    mentions: allow-in-code\n");

  private static final Example HOST_DOCS = Records.of("How do I try my server in a real host?",
      "Install it, then run this server inside Claude Desktop or an IDE, and restart the host.");
  private static final Example CONFIG_CODE = Records.of("Write the host configuration.",
      "```python\nimport json\n\n\ndef write_config(path: str) -> None:\n    \"\"\"Registers the server.\"\"\"\n"
          + "    # Claude Desktop reads this file at start-up\n    with open(path, \"w\") as f:\n"
          + "        json.dump({\"mcpServers\": {}}, f)\n```\n\nThe host reads the file when it starts.");

  private List<String> rejectedRules(QuarryConfig cfg, List<Example> records) throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"), records);
    new ValidateStage(cfg, false, ProgressListener.NONE).run(List.of(in), dir.resolve("acc.jsonl"),
        dir.resolve("rej.jsonl"));
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("rej.jsonl"))) {
      JsonNode r = Json.mapper().readTree(l);
      r.path("rejection").forEach(x -> {
        if (x.path("severity").asText("error").equals("error")) {
          out.add(x.path("rule").asText());
        }
      });
    }
    return out;
  }

  @Test
  void proseNamingAProductTheRunsCodeIntegratesIsKeptUnderAllowInCode() throws IOException {
    assertThat(rejectedRules(ALLOW_IN_CODE, List.of(HOST_DOCS, CONFIG_CODE))).isEmpty();
  }

  @Test
  void theSameProseIsRejectedWhenNoCodeOfTheRunNamesTheProduct() throws IOException {
    Example plain = Records.of("How do I try my server?", "Run this server inside Claude or an IDE, then ask it.");
    assertThat(rejectedRules(ALLOW_IN_CODE, List.of(plain))).containsOnly("attribution-mention");
  }

  @Test
  void aSourcePathNamingAProductIsNoEvidenceOfAnIntegration() throws IOException {
    Example pathOnly = Example.of(List.of(dev.quarry.model.Message.user("Explain the host helper."),
        dev.quarry.model.Message.assistant("It restarts the host; the host then re-reads it.")), "api-client", "python",
        new dev.quarry.model.Source("functions", "sdk", "src/cli/claude.py", new dev.quarry.model.LineRange(1, 4),
            null, null));
    Example plain = Records.of("How do I try my server?", "Run this server inside Claude or an IDE, then ask it.");
    assertThat(rejectedRules(ALLOW_IN_CODE, List.of(pathOnly, plain))).contains("attribution-mention");
  }

  @Test
  void aProductsSurfaceAndOtherMentionsOfThatProductInTheRecordAreAboutTheIntegration() throws IOException {
    Example host = Records.of("Which host can call my tools?", "You need VS Code with the **GitHub Copilot** "
        + "extension signed in, and Copilot Chat must be in Agent mode, because no other mode calls tools.");
    assertThat(rejectedRules(ALLOW_IN_CODE, List.of(host))).isEmpty();
    assertThat(rejectedRules(QuarryConfig.defaults(), List.of(host))).containsOnly("attribution-mention");
  }

  @Test
  void anAuthorshipClaimIsRejectedEvenWhenTheRunIntegratesTheProduct() throws IOException {
    Example claim = Records.of("Add a retry helper.", "Here is the helper.\n\nGenerated with Claude Desktop.");
    assertThat(rejectedRules(ALLOW_IN_CODE, List.of(claim, CONFIG_CODE))).contains("attribution");
  }
}
