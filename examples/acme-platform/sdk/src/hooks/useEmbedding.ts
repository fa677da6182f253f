import { useCallback, useRef, useState } from "react";

import type { AcmeClient } from "../client.js";
import { useClientOverride } from "../context.js";

export type EmbeddingClient = Pick<AcmeClient, "createEmbeddings">;

export interface UseEmbeddingOptions {
  client?: EmbeddingClient;
  model?: string;
  /** Maximum number of cached embeddings (least recently used are evicted). */
  cacheSize?: number;
}

export interface UseEmbeddingResult {
  /** Embed texts in order; cached texts are not sent again. */
  embed: (texts: string[]) => Promise<number[][]>;
  isLoading: boolean;
  error: Error | null;
  clearCache: () => void;
}

/** Embeddings via `POST /v1/embeddings`, with a small per-component LRU cache. */
export function useEmbedding(options: UseEmbeddingOptions = {}): UseEmbeddingResult {
  const { model, cacheSize = 512 } = options;
  const client = useClientOverride(options.client);
  const cache = useRef(new Map<string, number[]>());
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const remember = useCallback(
    (text: string, vector: number[]) => {
      const entries = cache.current;
      entries.delete(text);
      entries.set(text, vector);
      while (entries.size > cacheSize) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    [cacheSize],
  );

  const embed = useCallback(
    async (texts: string[]): Promise<number[][]> => {
      const missing = [...new Set(texts.filter((t) => !cache.current.has(t)))];
      if (missing.length > 0) {
        setIsLoading(true);
        setError(null);
        try {
          const response = await client.createEmbeddings({ input: missing, model: model ?? null });
          for (const row of response.data) {
            const text = missing[row.index];
            if (text !== undefined) remember(text, row.values);
          }
        } catch (err) {
          const failure = err instanceof Error ? err : new Error(String(err));
          setError(failure);
          throw failure;
        } finally {
          setIsLoading(false);
        }
      }
      return texts.map((text) => {
        const vector = cache.current.get(text);
        if (!vector) throw new Error(`no embedding returned for ${JSON.stringify(text)}`);
        remember(text, vector);
        return vector;
      });
    },
    [client, model, remember],
  );

  const clearCache = useCallback(() => cache.current.clear(), []);

  return { embed, isLoading, error, clearCache };
}
