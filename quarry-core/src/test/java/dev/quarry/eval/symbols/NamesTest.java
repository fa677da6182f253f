package dev.quarry.eval.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void findsDefinitionsInPythonAndTypeScript() {
    String code = "def build_prompt(x):\n    pass\nclass RagPipeline:\n    pass\nlimit = 3\n"
        + "export const useMyThing = () => 1;\nconst { answer, ask: askIt } = useRAG(id);\nfunction go() {}\n";
    assertThat(Names.definitions(code)).contains("build_prompt", "RagPipeline", "limit", "useMyThing", "answer",
        "askIt", "go");
  }

  @Test
  void findsCalledConstructedAndImportedNames() {
    String code = "from acme_sdk.client import AcmeClient, create_vector_collection\n"
        + "import { useChat, type ChatMessage } from '@acme/sdk';\n"
        + "const c = new AcmeClient({});\nawait c.ragQuery<T>(q);\nVectorStore.open()\n";
    assertThat(Names.referenced(code)).contains("AcmeClient", "create_vector_collection", "useChat", "ChatMessage",
        "ragQuery", "VectorStore", "open");
    assertThat(Names.modules(code)).containsExactly("acme_sdk.client", "@acme/sdk");
  }

  @Test
  void splitsNamesIntoLowerCaseWords() {
    assertThat(Names.words("createRAGQuery")).containsExactly("create", "rag", "query");
    assertThat(Names.words("upsert_many_vectors")).containsExactly("upsert", "many", "vectors");
    assertThat(Names.isCompound("search")).isFalse();
    assertThat(Names.isCompound("useChat")).isTrue();
  }
}
