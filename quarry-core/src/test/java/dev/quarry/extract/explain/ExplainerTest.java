package dev.quarry.extract.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.extract.Repository;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {
  @TempDir
  Path repo;

  private Knowledge knowledge() throws IOException {
    Files.createDirectories(repo.resolve("docs"));
    Files.createDirectories(repo.resolve("app"));
    Files.createDirectories(repo.resolve("tests"));
    Files.writeString(repo.resolve("docs/standards.md"), "# Standards\n\n## Chunking\n\n"
        + "- Use `chunk_text` with an overlap so that a sentence cut at a boundary still appears whole once.\n");
    Files.writeString(repo.resolve("app/chunks.py"), "def chunk_text(text, size, overlap):\n"
        + "    return [text[i:i + size] for i in range(0, len(text), size - overlap)]\n");
    Files.writeString(repo.resolve("app/ingest.py"), "from app.chunks import chunk_text\n\n\n"
        + "def ingest(doc):\n    parts = chunk_text(doc, 400, 50)\n    return parts\n");
    Files.writeString(repo.resolve("tests/test_chunks.py"), "from app.chunks import chunk_text\n\n\n"
        + "def test_chunk_text_overlaps():\n    assert chunk_text('abcdef', 4, 2) == ['abcd', 'cdef', 'ef']\n");
    return Knowledge.of(Repository.open(repo));
  }

  private static Example functionExample(String code) {
    return Example.of(List.of(Message.system("s"), Message.user("Implement `chunk_text`."),
        Message.assistant("Here is an implementation:\n\n```python\n" + code + "```")), "database", "python",
        new Source("functions", "r", "app/chunks.py", new LineRange(1, 2), "chunk_text", null));
  }

  @Test
  void explainsWithTheRuleTheTestAndACallNotQuotedAlreadyEachSourced() throws IOException {
    Example in = functionExample("def chunk_text(text, size, overlap):\n    return []\n");
    Example out = new Explainer(knowledge()).explain(in);
    String answer = out.finalAnswer();
    assertThat(answer).startsWith(in.finalAnswer().strip())
        .contains("Standards › Chunking (`docs/standards.md`, line 5)")
        .contains("`test_chunk_text_overlaps`")
        .contains("`ingest`").contains("`app/ingest.py`")
        .contains("(line 5): `parts = chunk_text(doc, 400, 50)`").doesNotContain("```python\nparts =");
    JsonNode sources = out.meta().get("explanation_sources");
    assertThat(sources).hasSize(4);
    assertThat(sources.get(0).get("path").asText()).isEqualTo("docs/standards.md");
    assertThat(sources.get(0).get("lines").get(0).asInt()).isEqualTo(5);
    assertThat(sources.get(1).get("path").asText()).isEqualTo("tests/test_chunks.py");
    assertThat(out.id()).isNotEqualTo(in.id());
  }

  @Test
  void sameInputGivesTheSameExplanation() throws IOException {
    Example in = functionExample("def chunk_text(text, size, overlap):\n    return []\n");
    Knowledge k = knowledge();
    assertThat(new Explainer(k).explain(in)).isEqualTo(new Explainer(k).explain(in));
  }

  @Test
  void aNameOnlyResemblingTheSymbolStatesNothing() throws IOException {
    Knowledge k = knowledge();
    Example in = Example.of(List.of(Message.system("s"), Message.user("Implement `chunk`."),
        Message.assistant("```python\ndef chunk(x):\n    return x\n```")), "database", "python",
        new Source("functions", "r", "app/other.py", new LineRange(1, 2), "chunk", null));
    assertThat(new Explainer(k).explain(in)).isSameAs(in);
  }

  @Test
  void composedAndTextAnswersAreLeftAlone() throws IOException {
    Knowledge k = knowledge();
    Example docs = Example.of(List.of(Message.user("What about `chunk_text`?"), Message.assistant("Use overlap.")),
        "standards", "text", new Source("docs", "r", "docs/standards.md", null, null, null));
    assertThat(new Explainer(k).explain(docs)).isSameAs(docs);
  }

  @Test
  void aRuleIsQuotedTwiceThenOnlyCited() throws IOException {
    Explainer x = new Explainer(knowledge());
    Example in = functionExample("def chunk_text(text, size, overlap):\n    return []\n");
    x.explain(in);
    x.explain(in);
    assertThat(x.explain(in).finalAnswer()).containsAnyOf("`chunk_text` is used because of Standards › Chunking (line 5).",
        "`chunk_text` is there because Standards › Chunking asks for it (line 5).").doesNotContain("so that a sentence cut");
  }

  @Test
  void usageLinesMustBeWholeStatements() {
    assertThat(Explainer.balanced("parts = chunk_text(doc, 400, 50)")).isTrue();
    assertThat(Explainer.balanced("prefix=\"/a\", tags=[\"auth\"]")).isFalse();
    assertThat(Explainer.balanced("chunk_text(doc,")).isFalse();
  }
}
