package dev.quarry.extract.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.ExtractRun;
import dev.quarry.extract.Repository;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalsExtractorTest {
  @TempDir
  Path repo;

  @BeforeEach
  void writeRepository() throws IOException {
    write("api/openapi.yaml", """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        servers:
          - url: https://api.example.com
          - url: http://localhost:9000
        paths:
          /v1/notes/search:
            post:
              operationId: searchNotes
              summary: Find notes
              responses:
                '200': {description: Hits.}
                '403': {$ref: '#/components/responses/Forbidden'}
        components:
          responses:
            Forbidden: {description: The key lacks the scope.}
        """);
    write("backend/routers/notes.py", """
        @router.post(
            "/search",
            operation_id="searchNotes",
            dependencies=[Depends(require_scope("read"))],
        )
        async def search_notes(body: SearchRequest) -> SearchResponse:
            return await store.search(body)
        """);
    write("sdk/package.json", "{\"name\": \"@notes/kit\"}");
    write("sdk/src/client.ts", """
        export interface NotesClientOptions {
          baseUrl: string;
          apiKey?: string;
        }

        export class NotesApiError extends Error {
          readonly status: number;
          constructor(status: number) {
            super("failed");
            this.status = status;
          }
        }

        export class NotesClient {
          constructor(options: NotesClientOptions) {}

          searchNotes(body: SearchRequest, options?: RequestOptions): Promise<SearchResponse> {
            return this.request("POST", "/v1/notes/search", { ...options, body });
          }
        }
        """);
    write("sdk/src/hooks/useNoteSearch.ts", """
        export interface UseNoteSearchResult {
          hits: Hit[];
          error: Error | null;
          search: (text: string) => Promise<void>;
        }

        export function useNoteSearch(folderId: string): UseNoteSearchResult {
          const client = useNotesClient();
          const search = async (text: string) => { await client.searchNotes({ text, folderId }); };
          return { hits: [], error: null, search };
        }
        """);
    write("sdk/src/context.tsx", "export function NotesProvider(props: Props) {\n  return null;\n}\n"
        + "export function useNotesClient(): NotesClient {\n  return client;\n}\n");
    write("mcp/server.py", """
        @mcp.tool()
        async def search_notes(query: str) -> list:
            return await _call("POST", "/v1/notes/search", {"text": query})
        """);
    write("mcp/tools.json", "[{\"name\": \"search_notes\", \"inputSchema\": {\"required\": [\"query\"]}}]");
  }

  private void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void joinsTheOperationAcrossHandlerSdkHookAndTool() {
    ApiMap map = ApiMap.of(Repository.open(repo),
        List.of(Repository.open(repo).files().stream().filter(f -> f.name().equals("openapi.yaml")).findFirst()
            .orElseThrow()));
    assertThat(map.entries()).singleElement().satisfies(e -> {
      assertThat(e.operation().errorCodes()).containsExactly("403");
      assertThat(e.operation().server()).isEqualTo("http://localhost:9000");
      assertThat(e.handler().orElseThrow().name()).isEqualTo("search_notes");
      assertThat(e.handler().orElseThrow().detail("scope")).isEqualTo("read");
      assertThat(e.sdk().orElseThrow().detail("class")).isEqualTo("NotesClient");
      assertThat(e.sdk().orElseThrow().detail("error")).isEqualTo("NotesApiError");
      assertThat(e.sdk().orElseThrow().params()).containsExactly("body: SearchRequest");
      assertThat(e.hook().orElseThrow().name()).isEqualTo("useNoteSearch");
      assertThat(e.tool().orElseThrow().name()).isEqualTo("search_notes");
      assertThat(e.tool().orElseThrow().detailsOf("arg")).containsExactly("query");
    });
  }

  @Test
  void emitsOneGoalFirstExamplePerCallerNamingNoPlatformSymbolInThePrompt() {
    List<Example> goals = ExtractRun.of(new GoalsExtractor(), repo, "").examples().stream()
        .filter(e -> !e.tags().contains("usage")).toList();
    assertThat(goals).extracting(e -> e.meta().get("caller").asText())
        .containsExactly("react", "service", "agent-host");
    for (Example e : goals) {
      String prompt = e.messages().get(1).content();
      assertThat(prompt).contains("find notes").doesNotContain("searchNotes", "useNoteSearch", "search_notes",
          "NotesClient", "/v1/");
      assertThat(e.meta().get("goal_first").asBoolean()).isTrue();
      assertThat(e.finalAnswer()).contains(e.meta().get("expected_api").get(0).asText())
          .contains("403 (The key lacks the scope)").contains("requires the `read` scope").contains("Near miss:");
      assertThat(e.meta().get("explanation_sources").get(0).get("path").asText()).isEqualTo("api/openapi.yaml");
    }
    assertThat(goals.get(0).finalAnswer()).contains("import { useNoteSearch } from \"@notes/kit\";")
        .contains("useNoteSearch(folderId)").contains("search(text)").contains("<NotesProvider>");
    assertThat(goals.get(1).finalAnswer()).contains("import { NotesApiError, NotesClient } from \"@notes/kit\";")
        .contains("process.env.NOTES_API_URL ?? \"http://localhost:9000\"");
    assertThat(goals.get(2).finalAnswer()).contains("\"arguments\": {\"query\": ");
  }

  @Test
  void sameRepositoryGivesTheSameExamples() {
    assertThat(ExtractRun.of(new GoalsExtractor(), repo, "").examples())
        .isEqualTo(ExtractRun.of(new GoalsExtractor(), repo, "").examples());
  }
}
