// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { SearchResponse } from "../../types.js";
import { useVectorSearch, type VectorSearchClient } from "../useVectorSearch.js";

const response: SearchResponse = {
  hits: [
    { id: "doc-1", score: 0.97, metadata: { lang: "en" } },
    { id: "doc-7", score: 0.81, metadata: { lang: "en" } },
  ],
  took_ms: 3.2,
};

function fakeClient() {
  return {
    searchVectors: vi.fn<VectorSearchClient["searchVectors"]>().mockResolvedValue(response),
    createEmbeddings: vi.fn<VectorSearchClient["createEmbeddings"]>().mockResolvedValue({
      model: "acme-embed-small",
      data: [{ index: 0, values: [0.1, 0.2, 0.3] }],
      usage: { prompt_tokens: 2, completion_tokens: 0, total_tokens: 2 },
    }),
  };
}

describe("useVectorSearch", () => {
  it.each([1, 5, 50])("requests top_k=%i", async (topK) => {
    const client = fakeClient();
    const { result } = renderHook(() => useVectorSearch("col-1", { client, topK }));

    await act(() => result.current.search([1, 0, 0]));

    expect(client.searchVectors).toHaveBeenCalledWith(
      "col-1",
      expect.objectContaining({ vector: [1, 0, 0], top_k: topK }),
    );
    expect(result.current.hits.map((h) => h.id)).toEqual(["doc-1", "doc-7"]);
    expect(result.current.tookMs).toBe(3.2);
  });

  it("searchText embeds the text, then searches with its vector", async () => {
    const client = fakeClient();
    const filters = [{ field: "lang", op: "eq" as const, value: "en" }];
    const { result } = renderHook(() => useVectorSearch("col-1", { client, filters }));

    await act(() => result.current.searchText("pool sizing"));

    expect(client.createEmbeddings).toHaveBeenCalledWith({ input: ["pool sizing"] });
    expect(client.searchVectors).toHaveBeenCalledWith(
      "col-1",
      expect.objectContaining({ vector: [0.1, 0.2, 0.3], filters }),
    );
  });

  it("returns [] and sets error when the search fails", async () => {
    const client = fakeClient();
    client.searchVectors.mockRejectedValueOnce(new Error("vector 0 has 2 dimensions"));
    const { result } = renderHook(() => useVectorSearch("col-1", { client }));

    let hits: unknown;
    await act(async () => {
      hits = await result.current.search([1, 2]);
    });

    expect(hits).toEqual([]);
    expect(result.current.error?.message).toMatch(/dimensions/);
    expect(result.current.isLoading).toBe(false);
  });
});
