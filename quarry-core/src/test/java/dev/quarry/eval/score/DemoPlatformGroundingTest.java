package dev.quarry.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Grounding against the demo platform in {@code examples/acme-platform}: its real SDK hooks and client. */
class DemoPlatformGroundingTest {
  private static Grounding grounding;

  @BeforeAll
  static void indexTheDemoSdk() throws IOException {
    Path sdk = demo().resolve("sdk/src");
    List<Path> files;
    try (Stream<Path> s = Files.walk(sdk)) {
      files = s.filter(p -> p.toString().endsWith(".ts") && !p.toString().contains("__tests__")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("useChat.ts", "useRAG.ts", "useEmbedding.ts", "useAgent.ts", "client.ts");
    try (Stream<Example> records = files.stream().map(DemoPlatformGroundingTest::record)) {
      grounding = new Grounding(SymbolIndex.build(records));
    }
  }

  private static Path demo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples/acme-platform/sdk"))) {
        return p.resolve("examples/acme-platform");
      }
    }
    throw new IllegalStateException("examples/acme-platform not found above " + Path.of("").toAbsolutePath());
  }

  private static Example record(Path file) {
    try {
      String name = file.getFileName().toString().replace(".ts", "");
      return Example.of(List.of(Message.user("Write " + name + " of the Acme SDK."),
          Message.assistant("```ts\n" + Files.readString(file) + "\n```")), "sdk", "typescript",
          new Source("hooks", "acme-platform", "sdk/src/" + file.getFileName(), null, name, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyDemoHookIsAPlatformNameAndUsingOneScores() {
    for (String hook : List.of("useChat", "useRAG", "useEmbedding", "useAgent")) {
      String ref = "```tsx\nconst state = " + hook + "(options);\n```";
      String answer = "```tsx\nimport { " + hook + " } from \"@acme/sdk\";\nconst s = " + hook + "({});\n```";
      assertThat(new GroundingScorer(grounding).score(answer, ref).value()).as(hook).isEqualTo(1.0);
      assertThat(grounding.hallucinations(answer)).as(hook).isEmpty();
    }
  }

  @Test
  void inventingUseQuantumSyncIsFlagged() {
    String answer = "```tsx\nimport { useQuantumSync } from \"@acme/sdk\";\nconst sync = useQuantumSync();\n```";
    assertThat(grounding.hallucinations(answer)).containsExactly(
        new Grounding.Hallucination("useQuantumSync", "hook not on the platform"));
    assertThat(new GroundingScorer(grounding).score(answer, "```tsx\nuseChat({})\n```").value()).isZero();
  }
}
