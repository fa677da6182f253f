// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { RagQueryResponse } from "../../types.js";
import { useRAG, type RagClient, type UseRAGOptions } from "../useRAG.js";

const COLLECTION = "7d1e2b0c-5d8e-4c51-9a55-0e6f1f0b8a21";

function answer(text: string): RagQueryResponse {
  return {
    answer: text,
    citations: [{ vector_id: "runbook:3", score: 0.91, snippet: "Page the database on-call…" }],
    usage: { prompt_tokens: 300, completion_tokens: 20, total_tokens: 320 },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("useRAG", () => {
  it("stores the answer and its citations", async () => {
    const client = { ragQuery: vi.fn<RagClient["ragQuery"]>().mockResolvedValue(answer("Page the DB on-call [1].")) };
    const { result } = renderHook(() => useRAG(COLLECTION, { client }));

    await act(() => result.current.ask("Who handles pool exhaustion?"));

    expect(result.current.answer).toBe("Page the DB on-call [1].");
    expect(result.current.citations.map((c) => c.vector_id)).toEqual(["runbook:3"]);
    expect(result.current.isLoading).toBe(false);
  });

  it.each<[UseRAGOptions, { top_k: number; min_score: number | null }]>([
    [{}, { top_k: 5, min_score: null }],
    [{ topK: 3 }, { top_k: 3, min_score: null }],
    [{ topK: 8, minScore: 0.4 }, { top_k: 8, min_score: 0.4 }],
  ])("maps options %j onto the request", async (options, expected) => {
    const client = { ragQuery: vi.fn<RagClient["ragQuery"]>().mockResolvedValue(answer("ok")) };
    const { result } = renderHook(() => useRAG(COLLECTION, { ...options, client }));

    await act(() => result.current.ask("q"));

    expect(client.ragQuery).toHaveBeenCalledWith(
      expect.objectContaining({ collection_id: COLLECTION, question: "q", ...expected }),
    );
  });

  it("discards a slow answer once a newer question was asked", async () => {
    const slow = deferred<RagQueryResponse>();
    const fast = deferred<RagQueryResponse>();
    const client = {
      ragQuery: vi
        .fn<RagClient["ragQuery"]>()
        .mockReturnValueOnce(slow.promise)
        .mockReturnValueOnce(fast.promise),
    };
    const { result } = renderHook(() => useRAG(COLLECTION, { client }));

    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.ask("old question");
      second = result.current.ask("new question");
    });
    await act(async () => {
      fast.resolve(answer("new answer"));
      await second;
      slow.resolve(answer("old answer"));
      await first;
    });

    expect(result.current.answer).toBe("new answer");
  });

  it("reports failures through `error`", async () => {
    const client = { ragQuery: vi.fn<RagClient["ragQuery"]>().mockRejectedValue(new Error("collection not found")) };
    const { result } = renderHook(() => useRAG(COLLECTION, { client }));

    await act(async () => {
      expect(await result.current.ask("anything")).toBeUndefined();
    });

    expect(result.current.error?.message).toBe("collection not found");
    expect(result.current.answer).toBeNull();
  });
});
