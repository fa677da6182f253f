import { useCallback, useRef, useState } from "react";

import type { AcmeClient } from "../client.js";
import { useClientOverride } from "../context.js";
import type { DistanceMetric, SearchFilter, SearchHit } from "../types.js";

export type VectorSearchClient = Pick<AcmeClient, "searchVectors" | "createEmbeddings">;

export interface UseVectorSearchOptions {
  client?: VectorSearchClient;
  topK?: number;
  metric?: DistanceMetric;
  filters?: SearchFilter[];
  includeValues?: boolean;
}

export interface UseVectorSearchResult {
  hits: SearchHit[];
  tookMs: number | null;
  isLoading: boolean;
  error: Error | null;
  /** Search with a query vector. */
  search: (vector: number[]) => Promise<SearchHit[]>;
  /** Embed `text` first, then search with its vector. */
  searchText: (text: string) => Promise<SearchHit[]>;
}

/** Similarity search over one collection via `POST .../vectors/search`. */
export function useVectorSearch(
  collectionId: string,
  options: UseVectorSearchOptions = {},
): UseVectorSearchResult {
  const { topK = 10, metric, filters, includeValues = false } = options;
  const client = useClientOverride(options.client);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [tookMs, setTookMs] = useState<number | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const latestCall = useRef(0);

  const run = useCallback(
    async (getVector: () => Promise<number[]>): Promise<SearchHit[]> => {
      const callId = ++latestCall.current;
      setIsLoading(true);
      setError(null);
      try {
        const vector = await getVector();
        const response = await client.searchVectors(collectionId, {
          vector,
          top_k: topK,
          metric,
          filters,
          include_values: includeValues,
        });
        if (callId === latestCall.current) {
          setHits(response.hits);
          setTookMs(response.took_ms);
        }
        return response.hits;
      } catch (err) {
        const failure = err instanceof Error ? err : new Error(String(err));
        if (callId === latestCall.current) setError(failure);
        return [];
      } finally {
        if (callId === latestCall.current) setIsLoading(false);
      }
    },
    [client, collectionId, topK, metric, filters, includeValues],
  );

  const search = useCallback((vector: number[]) => run(async () => vector), [run]);

  const searchText = useCallback(
    (text: string) =>
      run(async () => {
        const response = await client.createEmbeddings({ input: [text] });
        const first = response.data[0];
        if (!first) throw new Error("the embeddings endpoint returned no vectors");
        return first.values;
      }),
    [client, run],
  );

  return { hits, tookMs, isLoading, error, search, searchText };
}
