package dev.quarry.extract.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.Repository;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContextComposerTest {
  private static Repository repo;

  @BeforeAll
  static void open() throws URISyntaxException {
    repo = Repository.open(Path.of(ContextComposerTest.class.getResource("/extract/context/mini").toURI()));
  }

  private static Example example(String extractor, String path, String prompt, String answer) {
    return Example.of(List.of(Message.system("You are an expert."), Message.user(prompt), Message.assistant(answer)),
        "api-endpoints", "python", new Source(extractor, "mini", path, null, "x", null));
  }

  private static Example compose(Example e) {
    return new ContextComposer(repo).apply(e);
  }

  @Test
  void pythonAnswerGetsAbsoluteImportsTheRouterDefinitionAndTheSignaturesItUses() {
    String handler = "@router.get(\"/{item_id}\", responses=error_responses(404))\n"
        + "async def get_item(item_id: str) -> Item:\n    return Item(id=item_id)\n";
    Example e = compose(example("routes", "backend/pkg/routes.py", "Add the handler.", "```python\n" + handler + "```"));
    assertThat(e.finalAnswer()).isEqualTo("```python\nfrom fastapi import APIRouter\n"
        + "from pkg.errors import error_responses\nfrom pkg.models import Item\n\n"
        + "router = APIRouter(prefix=\"/items\")\n\n" + handler + "```");
    String prompt = e.messages().get(1).content();
    assertThat(prompt).startsWith("Add the handler.\n\n")
        .contains("```python\n# backend/pkg/errors.py\ndef error_responses(*codes: int) -> dict[int, dict[str, str]]:\n"
            + "    \"\"\"Build the ``responses=`` mapping for the given status codes.\"\"\"\n```")
        .contains("# backend/pkg/models.py\nclass Item(BaseModel):\n    \"\"\"A stored item.\"\"\"\n    id: str\n"
            + "    name: str = ...\n    tags: list[str] = []\n```");
    assertThat(e.id()).isNotEqualTo(example("routes", "backend/pkg/routes.py", "Add the handler.",
        "```python\n" + handler + "```").id());
    assertThat(e.meta().path("self_contained").path("unresolved")).isEmpty();
  }

  @Test
  void testFixturesFromConftestAreGivenAsContext() {
    Example e = compose(example("tests", "backend/tests/test_routes.py", "Write the test.",
        "```python\ndef test_get_item(client: object) -> None:\n    assert client is not None\n```"));
    assertThat(e.messages().get(1).content()).contains("# backend/tests/conftest.py\n@pytest.fixture\n"
        + "def client() -> object:\n    \"\"\"A test client for the app.\"\"\"");
  }

  @Test
  void typescriptTestImportsTheSymbolFromThePackageExportMapAndGivesLocalHelpers() {
    String body = "describe(\"useThing\", () => {\n  it(\"keeps the id\", () => {\n"
        + "    expect(useThing(makeId()).id).toBe(\"x\");\n  });\n});\n";
    Example e = compose(example("tests", "web/src/__tests__/hooks.test.ts", "Write the test.",
        "```typescript\n" + body + "```"));
    assertThat(e.finalAnswer()).isEqualTo("```typescript\nimport { useThing } from \"@mini/web\";\n"
        + "import { describe, expect, it } from \"vitest\";\n\n" + body + "```");
    assertThat(e.messages().get(1).content()).contains("// web/src/__tests__/hooks.test.ts\nfunction makeId(): string;")
        .contains("// web/src/hooks.ts\nexport function useThing(id: string): Thing;");
  }

  @Test
  void packageSourceKeepsRelativeImportsOfItsOwnModules() {
    Example e = compose(example("functions", "web/src/index.ts", "Use it.",
        "```typescript\nexport const t: Thing = useThing(\"a\");\n```"));
    assertThat(e.finalAnswer()).startsWith("```typescript\nimport { Thing, useThing } from \"./hooks.js\";\n\n");
  }

  @Test
  void unresolvedNamesAreRecordedAndHandWrittenExamplesAreLeftAlone() {
    Example e = compose(example("functions", "backend/pkg/routes.py", "Do it.",
        "```python\ndef f() -> None:\n    mystery_helper()\n```"));
    assertThat(e.meta().path("self_contained").path("unresolved").toString()).isEqualTo("[\"mystery_helper\"]");
    Example hand = example("handcrafted", "training/x.md", "Do it.", "```python\nItem()\n```");
    assertThat(compose(hand)).isEqualTo(hand);
  }

  @Test
  void anIndentedMethodGetsItsImportsInABlockOfItsOwn() {
    Example e = compose(example("functions", "backend/pkg/routes.py", "Do it.",
        "Method:\n```python\n    def f(self) -> Item:\n        return Item(id=\"a\")\n```"));
    assertThat(e.finalAnswer()).isEqualTo("Method:\n```python\nfrom pkg.models import Item\n```\n\n"
        + "```python\n    def f(self) -> Item:\n        return Item(id=\"a\")\n```");
  }
}
