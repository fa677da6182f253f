// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { createElement, type ReactNode } from "react";
import { describe, expect, it, test, vi } from "vitest";

import type { AcmeClient } from "../../client.js";
import { AcmeProvider } from "../../context.js";
import type { ChatResponse } from "../../types.js";
import { useChat, type ChatClient } from "../useChat.js";

function reply(content: string, conversationId = "conv-1"): ChatResponse {
  return {
    conversation_id: conversationId,
    message: { role: "assistant", content },
    model: "acme-chat-base",
    usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 },
  };
}

function fakeClient(...replies: ChatResponse[]) {
  const createChatCompletion = vi.fn<ChatClient["createChatCompletion"]>();
  for (const r of replies) createChatCompletion.mockResolvedValueOnce(r);
  return { createChatCompletion };
}

describe("useChat", () => {
  it("shows the user message at once and appends the reply", async () => {
    const client = fakeClient(reply("Pools are capped at ten connections."));
    const { result } = renderHook(() => useChat({ client }));

    let pending!: Promise<unknown>;
    act(() => {
      pending = result.current.send("How big are the pools?");
    });
    expect(result.current.messages).toEqual([{ role: "user", content: "How big are the pools?" }]);
    expect(result.current.isLoading).toBe(true);

    await act(() => pending);
    expect(result.current.isLoading).toBe(false);
    expect(result.current.messages.at(-1)).toEqual({
      role: "assistant",
      content: "Pools are capped at ten connections.",
    });
    expect(result.current.usage?.total_tokens).toBe(16);
  });

  it("sends the system prompt only with the first message", async () => {
    const client = fakeClient(reply("one"), reply("two"));
    const { result } = renderHook(() => useChat({ client, system: "Answer briefly." }));

    await act(() => result.current.send("first"));
    await act(() => result.current.send("second"));

    const [first, second] = client.createChatCompletion.mock.calls.map(([body]) => body);
    expect(first?.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(second?.messages).toEqual([{ role: "user", content: "second" }]);
  });

  it("reuses the conversation id returned by the server", async () => {
    const client = fakeClient(reply("a", "conv-42"), reply("b", "conv-42"));
    const { result } = renderHook(() => useChat({ client }));

    await act(() => result.current.send("hello"));
    await act(() => result.current.send("again"));

    expect(client.createChatCompletion.mock.calls[0]?.[0].conversation_id).toBeNull();
    expect(client.createChatCompletion.mock.calls[1]?.[0].conversation_id).toBe("conv-42");
    expect(result.current.conversationId).toBe("conv-42");
  });

  it.each(["", "   ", "\n\t"])("ignores blank input %j", async (input) => {
    const client = fakeClient();
    const { result } = renderHook(() => useChat({ client }));

    await act(async () => {
      expect(await result.current.send(input)).toBeUndefined();
    });
    expect(client.createChatCompletion).not.toHaveBeenCalled();
    expect(result.current.messages).toEqual([]);
  });

  test("exposes errors and calls onError", async () => {
    const client = fakeClient();
    client.createChatCompletion.mockRejectedValueOnce(new Error("model gateway returned HTTP 502"));
    const onError = vi.fn();
    const { result } = renderHook(() => useChat({ client, onError }));

    await act(() => result.current.send("hi"));

    expect(result.current.error?.message).toBe("model gateway returned HTTP 502");
    expect(onError).toHaveBeenCalledOnce();
    expect(result.current.isLoading).toBe(false);
  });

  it("stop() aborts the pending request without reporting an error", async () => {
    const client = fakeClient();
    client.createChatCompletion.mockImplementationOnce(
      (_body, options) =>
        new Promise((_resolve, reject) => {
          options?.signal?.addEventListener("abort", () =>
            reject(new DOMException("aborted", "AbortError")),
          );
        }),
    );
    const { result } = renderHook(() => useChat({ client }));

    let pending!: Promise<unknown>;
    act(() => {
      pending = result.current.send("long question");
    });
    act(() => result.current.stop());
    await act(async () => {
      expect(await pending).toBeUndefined();
    });

    expect(result.current.isLoading).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it("reset() starts a new conversation", async () => {
    const client = fakeClient(reply("a", "conv-1"), reply("b", "conv-2"));
    const { result } = renderHook(() => useChat({ client }));

    await act(() => result.current.send("first"));
    act(() => result.current.reset());
    expect(result.current.messages).toEqual([]);
    expect(result.current.conversationId).toBeUndefined();

    await act(() => result.current.send("fresh start"));
    expect(client.createChatCompletion.mock.calls[1]?.[0].conversation_id).toBeNull();
  });

  it("uses the client from <AcmeProvider> when none is passed", async () => {
    const client = fakeClient(reply("from provider"));
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(AcmeProvider, { client: client as unknown as AcmeClient }, children);
    const { result } = renderHook(() => useChat(), { wrapper });

    await act(() => result.current.send("hello"));
    await waitFor(() => expect(result.current.messages).toHaveLength(2));
  });

  it("throws a helpful error without a provider or client", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useChat())).toThrow(/AcmeProvider/);
  });
});
