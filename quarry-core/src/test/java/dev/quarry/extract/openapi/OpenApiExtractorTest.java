package dev.quarry.extract.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.extract.Coverage;
import dev.quarry.extract.ExtractRun;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiExtractorTest {
  private static final String TS = "extractors:\n  openapi:\n    client_language: typescript\n";

  @TempDir
  Path tmp;

  private static ExtractRun run(String fixture, String yaml) {
    return ExtractRun.of(new OpenApiExtractor(), ExtractRun.fixture(fixture), yaml);
  }

  @Test
  void swagger2JsonGivesOneExamplePerOperationWithItsLines() {
    ExtractRun r = run("openapi-swagger2", "");

    assertThat(r.examples()).extracting(e -> e.source().symbol())
        .containsExactly("GET /pets", "POST /pets", "GET /pets/{petId}");
    assertThat(r.coverage().candidates()).isEqualTo(3);
    assertThat(r.coverage().written()).isEqualTo(3);
    Example get = r.bySymbol("GET /pets");
    assertThat(get.source().extractor()).isEqualTo("openapi");
    assertThat(get.source().path()).isEqualTo("swagger.json");
    assertThat(get.source().lines()).isEqualTo(new LineRange(8, 16));
    assertThat(get.language()).isEqualTo("python");
    assertThat(get.category()).isEqualTo("api-client");
    assertThat(get.meta().get("spec_version").asText()).isEqualTo("swagger-2.0");
    assertThat(get.finalAnswer()).contains("def list_pets(", "class Pet(TypedDict):", "500: \"server error\"",
        "httpx.MockTransport", "def test_list_pets_raises_api_error_on_500()");
    assertThat(r.bySymbol("POST /pets").finalAnswer()).contains("body: Pet,", "json=body");
  }

  @Test
  void openApi3YamlWithRefCyclesEndsAndDeclaresEachSchemaOnce() {
    ExtractRun r = run("openapi-v3-cycles", "");

    assertThat(r.coverage().candidates()).isEqualTo(5);
    assertThat(r.coverage().written()).isEqualTo(5);
    assertThat(r.coverage().skips()).isEmpty();
    String answer = r.bySymbol("GET /v1/nodes/{node_id}").finalAnswer();
    // "class" and "x-trace" are not identifiers, so Node uses the functional TypedDict form.
    assertThat(answer).containsOnlyOnce("Node = TypedDict(");
    assertThat(answer).contains("\"children\": \"list[Node]\"", "\"parent\": \"NotRequired[Node]\"",
        "\"class\": \"NotRequired[str | None]\"", "class Link(TypedDict):", "Kind: TypeAlias = \"Literal[\\\"leaf\\\", \\\"branch\\\"]\"",
        "404: \"Not found\"");
    Example list = r.bySymbol("GET /v1/nodes");
    assertThat(list.source().path()).isEqualTo("api/openapi.yaml");
    assertThat(list.source().lines()).isEqualTo(new LineRange(11, 39));
    assertThat(list.finalAnswer()).contains("limit: int | None = None", "\"X-Request-Id\": x_request_id",
        "400: \"Bad request\"", "bearer token");
    assertThat(r.bySymbol("POST /v1/nodes").finalAnswer())
        .contains("class NodeCreate(TypedDict):", "parent_id: NotRequired[str]", "name: str",
            "409: \"A node with this name exists\"", "422: \"Validation failed\"", "'Unexpected error'");
    assertThat(r.bySymbol("DELETE /v1/nodes/{node_id}").finalAnswer()).contains("-> None:", "assert result is None");
    assertThat(r.bySymbol("GET /v1/nodes/{node_id}/export").finalAnswer())
        .contains("-> str:", "return response.text", "format: Literal[\"csv\", \"json\"]", "params={\"format\": format}");
  }

  @Test
  void generatedPythonIsValidSyntaxForEveryOperation() throws Exception {
    assumeTrue(PythonCheck.available(), "python3 is not installed");
    for (String fixture : List.of("openapi-v3-cycles", "openapi-swagger2", "openapi-external-ref", "openapi-sniff")) {
      for (Example e : run(fixture, "").examples()) {
        List<String> blocks = PythonCheck.blocks(e.finalAnswer());
        assertThat(blocks).as(e.source().symbol()).hasSize(2);
        for (String b : blocks) {
          assertThat(PythonCheck.compile(b, tmp)).as(fixture + " " + e.source().symbol()).isEmpty();
        }
      }
    }
  }

  @Test
  void generatedTypeScriptParsesWithoutErrorsForEveryOperation() {
    java.util.regex.Pattern block = java.util.regex.Pattern.compile("```typescript\n(.*?)```", java.util.regex.Pattern.DOTALL);
    for (String fixture : List.of("openapi-v3-cycles", "openapi-swagger2", "openapi-external-ref", "openapi-sniff")) {
      for (Example e : run(fixture, TS).examples()) {
        java.util.regex.Matcher m = block.matcher(e.finalAnswer());
        int blocks = 0;
        while (m.find()) {
          blocks++;
          try (dev.quarry.syntax.SourceTree t = dev.quarry.syntax.SourceTree.parse(dev.quarry.syntax.Grammar.TYPESCRIPT, m.group(1))) {
            assertThat(t.hasError()).as(fixture + " " + e.source().symbol() + " line " + t.firstErrorLine() + "\n" + m.group(1))
                .isFalse();
          }
        }
        assertThat(blocks).isEqualTo(2);
      }
    }
  }

  @Test
  void typescriptClientsHaveInterfacesAndAVitestSuite() {
    ExtractRun r = run("openapi-v3-cycles", TS);

    Example e = r.bySymbol("POST /v1/nodes");
    assertThat(e.language()).isEqualTo("typescript");
    assertThat(e.finalAnswer()).contains("export interface Node {", "children: Array<Node>;", "parent?: Node;",
        "export type Kind = \"leaf\" | \"branch\";", "\"x-trace\"?: string;", "class?: string | null;",
        "export async function createNode(", "body: NodeCreate,", "Promise<Node>",
        "from \"vitest\"", "rejects.toBeInstanceOf(ApiError)", "409: \"A node with this name exists\"");
    assertThat(r.bySymbol("GET /v1/nodes").finalAnswer())
        .contains("for (const value of params.tags ?? [])", "headers[\"X-Request-Id\"] = String(params.xRequestId);");
  }

  @Test
  void externalRefOnAnOperationIsInlinedOrReportedNeverLost() {
    ExtractRun r = run("openapi-external-ref", "");

    assertThat(r.coverage().candidates()).isEqualTo(4);
    assertThat(r.examples()).extracting(e -> e.source().symbol())
        .containsExactly("GET /v2/droplets", "GET /v2/regions");
    assertThat(r.bySymbol("GET /v2/droplets").finalAnswer()).contains("def list_droplets(", "droplets: NotRequired[");
    assertThat(r.bySymbol("GET /v2/regions").finalAnswer()).contains("class Region(TypedDict):", "geo: NotRequired[Any]");
    assertThat(r.coverage().skips()).extracting(Coverage.Skip::symbol, Coverage.Skip::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("POST /v2/droplets", SkipReason.PARSE_ERROR),
            org.assertj.core.groups.Tuple.tuple("GET /v2/remote", SkipReason.PARSE_ERROR));
    assertThat(r.coverage().skips().get(0).detail()).contains("ops/missing.yaml", "not found");
    assertThat(r.coverage().skips().get(1).detail()).contains("remote references are not fetched");
    assertThat(r.coverage().written() + r.coverage().skips().size()).isEqualTo(r.coverage().candidates());
  }

  @Test
  void specsAreFoundByTopLevelKeyAndLookalikesAreReported() {
    ExtractRun r = run("openapi-sniff", "");

    assertThat(r.examples()).extracting(e -> e.source().path() + " " + e.source().symbol())
        .containsExactly("specs/billing-api.yml GET /invoices/{id}");
    assertThat(r.coverage().skips()).extracting(Coverage.Skip::path, Coverage.Skip::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("openapi-generator.yaml", SkipReason.NO_CANDIDATES));
    assertThat(r.examples().get(0).finalAnswer()).contains("total: float | None", "sub: NotRequired[Line]");
  }

  @Test
  void configuredSpecGlobsReplaceTheDefaults() {
    ExtractRun r = run("openapi-sniff", "extractors:\n  openapi:\n    specs: [\"nothing/**\"]\n");

    assertThat(r.examples()).isEmpty();
    assertThat(r.coverage().filesScanned()).isZero();
  }

  @Test
  void sameInputGivesSameExamples() {
    assertThat(run("openapi-v3-cycles", "").examples()).isEqualTo(run("openapi-v3-cycles", "").examples());
  }
}
