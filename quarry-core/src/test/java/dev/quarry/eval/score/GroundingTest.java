package dev.quarry.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.eval.symbols.AcmeRecords;
import dev.quarry.eval.symbols.SymbolIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundingTest {
  private static final String REFERENCE = "Use the SDK's RAG hook:\n```tsx\nimport { useRAG } from \"@acme/sdk\";\n\n"
      + "export function Answer({ collectionId }: { collectionId: string }) {\n"
      + "  const { answer, citations, ask, isLoading } = useRAG(collectionId, { topK: 3 });\n"
      + "  return <button onClick={() => ask(\"What is pgvector?\")}>{isLoading ? \"...\" : answer}</button>;\n}\n```\n"
      + "It calls `POST /v1/rag/query`.";

  private static Grounding grounding;

  @BeforeAll
  static void index() {
    grounding = new Grounding(AcmeRecords.index());
  }

  @Test
  void anAnswerUsingTheRealHookIsGroundedAndInventsNothing() {
    String answer = "```tsx\nimport { useState } from \"react\";\nimport { useRAG } from \"@acme/sdk\";\n"
        + "export function Ask({ id }: { id: string }) {\n  const [q, setQ] = useState(\"\");\n"
        + "  const { answer, ask } = useRAG(id);\n  return <div onClick={() => ask(q)}>{answer}</div>;\n}\n```";
    Score g = new GroundingScorer(grounding).score(answer, REFERENCE);
    Score h = new HallucinationScorer(grounding).score(answer, REFERENCE);
    assertThat(grounding.platformNames(REFERENCE)).containsExactly("/v1/rag/query", "useRAG");
    assertThat(g.value()).isEqualTo(0.5);
    assertThat(g.detail()).isEqualTo("uses 1 of the reference's 2 platform names: useRAG");
    assertThat(g.findings()).containsExactly("missing: /v1/rag/query");
    assertThat(h.value()).isEqualTo(1.0);
    assertThat(h.findings()).isEmpty();
  }

  @Test
  void anAnswerInventingUseQuantumSyncIsFlaggedAsAHallucination() {
    String answer = "```tsx\nimport { useQuantumSync } from \"@acme/sdk\";\n"
        + "const { answer } = useQuantumSync(collectionId);\n```";
    Score g = new GroundingScorer(grounding).score(answer, REFERENCE);
    Score h = new HallucinationScorer(grounding).score(answer, REFERENCE);
    assertThat(g.value()).isZero();
    assertThat(h.value()).isEqualTo(0.5);
    assertThat(h.findings()).containsExactly("useQuantumSync (hook not on the platform)");
  }

  @Test
  void inventedEndpointsAndPlatformSoundingCallsAreFlaggedButFrameworkAndOwnNamesAreNot() {
    String answer = "```ts\nexport function useLocalDraft() { return useMemo(() => 1, []); }\n"
        + "await client.createQuantumChatCompletion({});\nawait fetch(\"/v1/quantum/sync\");\n"
        + "await fetch(`/v1/rag/query`);\nconst n = JSON.stringify(x);\nuseLocalDraft();\n```";
    assertThat(grounding.hallucinations(answer)).extracting(Grounding.Hallucination::toString).containsExactly(
        "/v1/quantum/sync (endpoint not on the platform)",
        "createQuantumChatCompletion (made of platform words but not on the platform)");
  }

  @Test
  void privateHelpersAndTestFunctionsAreNotPlatformNames() {
    SymbolIndex idx = SymbolIndex.build(java.util.stream.Stream.of(dev.quarry.model.Example.of(java.util.List.of(
        dev.quarry.model.Message.user("q"), dev.quarry.model.Message.assistant(
            "```python\ndef _raise_for_error(r):\n    pass\ndef test_get_health_works():\n    pass\n"
                + "def get_health():\n    pass\n```")), "testing", "python",
        new dev.quarry.model.Source("tests", null, "t.py", null, null, null))));
    Grounding g = new Grounding(idx);
    assertThat(g.platformNames("_raise_for_error(x); test_get_health_works(); get_health()"))
        .containsExactly("get_health");
  }

  @Test
  void withoutASymbolIndexGroundingDoesNotApply() {
    Grounding none = new Grounding(SymbolIndex.empty());
    assertThat(new GroundingScorer(none).score("useQuantumSync()", REFERENCE).applicable()).isFalse();
    assertThat(new HallucinationScorer(none).score("useQuantumSync()", REFERENCE).applicable()).isFalse();
  }
}
