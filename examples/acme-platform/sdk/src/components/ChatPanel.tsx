import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import { useChat, type UseChatOptions } from "../hooks/useChat.js";
import type { ChatMessage } from "../types.js";

export interface ChatPanelProps extends Pick<UseChatOptions, "client" | "system" | "model" | "conversationId"> {
  /** Heading shown above the transcript. */
  title?: string;
  placeholder?: string;
  className?: string;
  /** Called with each reply once it arrives. */
  onReply?: (message: ChatMessage) => void;
}

/**
 * A minimal, unstyled chat UI built on {@link useChat}.
 *
 * Enter sends, Shift+Enter inserts a newline, and "Stop" aborts a reply that
 * is still pending. Style it through `className` and the `data-role`
 * attributes on each message.
 */
export function ChatPanel({
  title = "Ask Acme",
  placeholder = "Ask a question…",
  className,
  onReply,
  ...chatOptions
}: ChatPanelProps) {
  const { messages, isLoading, error, send, stop, reset } = useChat(chatOptions);
  const [draft, setDraft] = useState("");
  const transcriptRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = transcriptRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  const submit = async () => {
    const text = draft.trim();
    if (!text || isLoading) return;
    setDraft("");
    const reply = await send(text);
    if (reply) onReply?.(reply);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <section className={className} aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={reset} disabled={messages.length === 0}>
          New conversation
        </button>
      </header>

      <ol ref={transcriptRef} aria-live="polite">
        {messages
          .filter((message) => message.role !== "system")
          .map((message, index) => (
            <li key={index} data-role={message.role}>
              {message.content}
            </li>
          ))}
        {isLoading && <li data-role="pending">Thinking…</li>}
      </ol>

      {error && (
        <p role="alert">
          Something went wrong: {error.message}
        </p>
      )}

      <form onSubmit={onSubmit}>
        <textarea
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={placeholder}
          rows={3}
          aria-label="Message"
        />
        {isLoading ? (
          <button type="button" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!draft.trim()}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}
