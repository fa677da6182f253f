import { useCallback, useEffect, useRef, useState } from "react";

import { isAbortError, type AcmeClient } from "../client.js";
import { useClientOverride } from "../context.js";
import type { ChatMessage, Usage } from "../types.js";

export type ChatClient = Pick<AcmeClient, "createChatCompletion">;

export interface UseChatOptions {
  /** Defaults to the client from `<AcmeProvider>`. */
  client?: ChatClient;
  /** Continue an existing server-side conversation. */
  conversationId?: string;
  /** Messages to show before the first turn (not re-sent to the server). */
  initialMessages?: ChatMessage[];
  /** System prompt, sent once with the first message of a new conversation. */
  system?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  onError?: (error: Error) => void;
}

export interface UseChatResult {
  messages: ChatMessage[];
  conversationId: string | undefined;
  isLoading: boolean;
  error: Error | null;
  usage: Usage | undefined;
  /** Send a user message; resolves with the reply, or `undefined` if aborted or failed. */
  send: (content: string) => Promise<ChatMessage | undefined>;
  /** Abort the in-flight request, if any. */
  stop: () => void;
  /** Abort and start a fresh conversation. */
  reset: () => void;
}

/**
 * Chat against `POST /v1/chat/completions`.
 *
 * The server keeps the conversation history, so each call sends only the new
 * user message plus the conversation id. The user's message is shown
 * optimistically while the reply is pending.
 */
export function useChat(options: UseChatOptions = {}): UseChatResult {
  const { system, model, temperature, maxTokens } = options;
  const client = useClientOverride(options.client);
  const [messages, setMessages] = useState<ChatMessage[]>(options.initialMessages ?? []);
  const [conversationId, setConversationId] = useState(options.conversationId);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [usage, setUsage] = useState<Usage>();

  const conversationRef = useRef(options.conversationId);
  const controllerRef = useRef<AbortController | null>(null);
  const onErrorRef = useRef(options.onError);
  onErrorRef.current = options.onError;

  useEffect(() => () => controllerRef.current?.abort(), []);

  const send = useCallback(
    async (content: string): Promise<ChatMessage | undefined> => {
      const text = content.trim();
      if (!text) return undefined;

      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;

      const userMessage: ChatMessage = { role: "user", content: text };
      const outgoing: ChatMessage[] =
        conversationRef.current === undefined && system
          ? [{ role: "system", content: system }, userMessage]
          : [userMessage];

      setMessages((prev) => [...prev, userMessage]);
      setIsLoading(true);
      setError(null);
      try {
        const response = await client.createChatCompletion(
          {
            messages: outgoing,
            conversation_id: conversationRef.current ?? null,
            model: model ?? null,
            temperature,
            max_tokens: maxTokens,
          },
          { signal: controller.signal },
        );
        conversationRef.current = response.conversation_id;
        setConversationId(response.conversation_id);
        setMessages((prev) => [...prev, response.message]);
        setUsage(response.usage);
        return response.message;
      } catch (err) {
        if (isAbortError(err)) return undefined;
        const failure = err instanceof Error ? err : new Error(String(err));
        setError(failure);
        onErrorRef.current?.(failure);
        return undefined;
      } finally {
        if (controllerRef.current === controller) {
          controllerRef.current = null;
          setIsLoading(false);
        }
      }
    },
    [client, system, model, temperature, maxTokens],
  );

  const stop = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setIsLoading(false);
  }, []);

  const reset = useCallback(() => {
    stop();
    conversationRef.current = undefined;
    setConversationId(undefined);
    setMessages([]);
    setUsage(undefined);
    setError(null);
  }, [stop]);

  return { messages, conversationId, isLoading, error, usage, send, stop, reset };
}
