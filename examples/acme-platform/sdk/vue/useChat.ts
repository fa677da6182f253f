import { onScopeDispose, ref, type Ref } from "vue";

import { isAbortError, type AcmeClient } from "../src/client.js";
import type { ChatMessage } from "../src/types.js";

export interface UseChatVueResult {
  messages: Ref<ChatMessage[]>;
  conversationId: Ref<string | undefined>;
  isLoading: Ref<boolean>;
  error: Ref<Error | null>;
  send: (content: string) => Promise<ChatMessage | undefined>;
  stop: () => void;
}

/**
 * Vue 3 counterpart of the React `useChat` hook, for the admin console.
 * Same wire behaviour: only new messages are sent; history lives on the server.
 */
export function useChat(
  client: Pick<AcmeClient, "createChatCompletion">,
  options: { system?: string } = {},
): UseChatVueResult {
  const messages = ref<ChatMessage[]>([]);
  const conversationId = ref<string | undefined>();
  const isLoading = ref(false);
  const error = ref<Error | null>(null);
  let controller: AbortController | null = null;

  const stop = () => {
    controller?.abort();
    controller = null;
    isLoading.value = false;
  };

  const send = async (content: string) => {
    const text = content.trim();
    if (!text) return undefined;
    stop();
    const current = new AbortController();
    controller = current;
    const userMessage: ChatMessage = { role: "user", content: text };
    const outgoing: ChatMessage[] =
      conversationId.value === undefined && options.system
        ? [{ role: "system", content: options.system }, userMessage]
        : [userMessage];
    messages.value = [...messages.value, userMessage];
    isLoading.value = true;
    error.value = null;
    try {
      const response = await client.createChatCompletion(
        { messages: outgoing, conversation_id: conversationId.value ?? null },
        { signal: current.signal },
      );
      conversationId.value = response.conversation_id;
      messages.value = [...messages.value, response.message];
      return response.message;
    } catch (err) {
      if (!isAbortError(err)) error.value = err instanceof Error ? err : new Error(String(err));
      return undefined;
    } finally {
      if (controller === current) {
        controller = null;
        isLoading.value = false;
      }
    }
  };

  onScopeDispose(stop);
  return { messages, conversationId, isLoading, error, send, stop };
}
