import { useCallback, useRef, useState } from "react";

import type { AcmeClient } from "../client.js";
import { useClientOverride } from "../context.js";
import type { Citation, RagQueryResponse, SearchFilter, Usage } from "../types.js";

export type RagClient = Pick<AcmeClient, "ragQuery">;

export interface UseRAGOptions {
  client?: RagClient;
  topK?: number;
  filters?: SearchFilter[];
  /** Drop citations scoring below this value. */
  minScore?: number;
}

export interface UseRAGResult {
  answer: string | null;
  citations: Citation[];
  usage: Usage | undefined;
  isLoading: boolean;
  error: Error | null;
  /** Ask a question; only the latest call's result is kept. */
  ask: (question: string) => Promise<RagQueryResponse | undefined>;
  clear: () => void;
}

/**
 * Retrieval-augmented answers over one collection via `POST /v1/rag/query`.
 *
 * If `ask` is called again before the previous call resolves, the earlier
 * response is discarded so a slow answer never overwrites a newer one.
 */
export const useRAG = (collectionId: string, options: UseRAGOptions = {}): UseRAGResult => {
  const { topK = 5, filters, minScore } = options;
  const client = useClientOverride(options.client);
  const [answer, setAnswer] = useState<string | null>(null);
  const [citations, setCitations] = useState<Citation[]>([]);
  const [usage, setUsage] = useState<Usage>();
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const latestCall = useRef(0);

  const ask = useCallback(
    async (question: string) => {
      const callId = ++latestCall.current;
      setIsLoading(true);
      setError(null);
      try {
        const response = await client.ragQuery({
          collection_id: collectionId,
          question,
          top_k: topK,
          filters,
          min_score: minScore ?? null,
        });
        if (callId !== latestCall.current) return undefined;
        setAnswer(response.answer);
        setCitations(response.citations);
        setUsage(response.usage);
        return response;
      } catch (err) {
        if (callId === latestCall.current) {
          setError(err instanceof Error ? err : new Error(String(err)));
        }
        return undefined;
      } finally {
        if (callId === latestCall.current) setIsLoading(false);
      }
    },
    [client, collectionId, topK, filters, minScore],
  );

  const clear = useCallback(() => {
    latestCall.current++;
    setAnswer(null);
    setCitations([]);
    setUsage(undefined);
    setError(null);
    setIsLoading(false);
  }, []);

  return { answer, citations, usage, isLoading, error, ask, clear };
};
