package dev.quarry.extract.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class McpExtractorTest {
  private final McpExtractor mcp = new McpExtractor();

  @Test
  void pythonDecoratorsOnAnyInstanceNameWithNameOverrideAndLowLevelTools() {
    var r = ExtractorFixture.run(mcp, "mcp/python");
    assertThat(r.symbols()).containsExactly("add", "search_docs", "git_status");
    Example add = r.bySymbol("add");
    assertThat(add.source().lines()).isEqualTo(new LineRange(8, 11));
    assertThat(add.messages().get(2).content()).contains("\"a\": 1").contains("\"b\": 1");
    Example search = r.bySymbol("search_docs");
    assertThat(search.source().lines()).isEqualTo(new LineRange(14, 16));
    assertThat(search.messages().get(1).content()).contains("Search the documentation");
    Example git = r.bySymbol("git_status");
    assertThat(git.source().lines()).isEqualTo(new LineRange(25, 29));
    assertThat(git.messages().get(2).content()).contains("\"repo_path\": \"docs/getting-started.md\"")
        .contains("class GitStatus(BaseModel)");
    assertThat(git.category()).isEqualTo("mcp-tools");
  }

  @Test
  void typescriptToolAndRegisterToolWithConstantsAndJsonManifest() {
    var r = ExtractorFixture.run(mcp, "mcp/ts");
    assertThat(r.symbols()).containsExactly("echo", "get-sum", "read_file");
    assertThat(r.bySymbol("echo").source().lines()).isEqualTo(new LineRange(6, 8));
    Example sum = r.bySymbol("get-sum");
    assertThat(sum.source().lines()).isEqualTo(new LineRange(16, 18));
    assertThat(sum.messages().get(1).content()).contains("Adds two numbers");
    assertThat(sum.messages().get(2).content()).contains("const config = {").contains("\"a\": 1");
    Example manifest = r.bySymbol("read_file");
    assertThat(manifest.source().path()).isEqualTo("tools.json");
    assertThat(manifest.source().lines()).isEqualTo(new LineRange(3, 7));
    assertThat(manifest.messages().get(2).content()).contains("\"path\": \"docs/getting-started.md\"");
  }

  @Test
  void typescriptToolReadsAConcatenatedDescriptionAndTheSchemaByPosition() {
    var r = ExtractorFixture.run(mcp, "mcp/ts-positions");
    assertThat(r.symbols()).containsExactly("search_passages", "fetch_page");
    Example search = r.bySymbol("search_passages");
    assertThat(search.messages().get(1).content())
        .contains("(Find the passages most similar to a query")
        .contains("collection_id: z.string().describe(");
    String answer = search.messages().get(2).content();
    assertThat(answer).containsPattern("\"collection_id\": \"collection-[0-9a-f]{8}\"")
        .contains("\"query\": \"how to rotate an API key\"")
        .doesNotContain("\"top_k\":").doesNotContain("\"mode\":")
        .contains("`top_k` (default `5`) and `mode` are optional.")
        .doesNotContainPattern("\"<[a-z_]+>\"");
    Example fetch = r.bySymbol("fetch_page");
    assertThat(fetch.messages().get(1).content()).contains("page_url: z.string().url()")
        .doesNotContain("readOnlyHint");
    assertThat(fetch.messages().get(2).content())
        .contains("\"page_url\": \"https://example.com/docs/getting-started\"")
        .contains("\"retries\": 2");
  }

  @Test
  void aLowLevelToolWithALiteralDictSchemaIsCalledWithItsRequiredArgumentsAndNamesTheOptionalOnes() {
    var r = ExtractorFixture.run(mcp, "mcp/python-dict");
    assertThat(r.symbols()).containsExactly("get_forecast");
    String answer = r.bySymbol("get_forecast").messages().get(2).content();
    assertThat(answer).contains("\"arguments\": {\n      \"city\": ").doesNotContain("\"arguments\": {}")
        .contains("`days` (default `3`)").contains("`units`");
  }
}
