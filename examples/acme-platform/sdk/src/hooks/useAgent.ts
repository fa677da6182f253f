import { useCallback, useEffect, useRef, useState } from "react";

import type { AcmeClient } from "../client.js";
import { useClientOverride } from "../context.js";
import { isTerminal, type AgentRun, type Metadata } from "../types.js";

export type AgentClient = Pick<AcmeClient, "startAgentRun" | "getAgentRun" | "cancelAgentRun">;

export interface UseAgentOptions {
  client?: AgentClient;
  /** Capability of the root task. Defaults to `plan` on the server. */
  capability?: string;
  /** Delay between polls of `GET /v1/agents/runs/{run_id}`. Defaults to 1000 ms. */
  pollIntervalMs?: number;
  onFinished?: (run: AgentRun) => void;
}

export interface UseAgentResult {
  run: AgentRun | null;
  isRunning: boolean;
  error: Error | null;
  start: (goal: string, metadata?: Metadata) => Promise<AgentRun | undefined>;
  cancel: () => Promise<void>;
}

/**
 * Start an agent run and follow it until it succeeds, fails or is cancelled.
 * Polling stops when the component unmounts or a new run is started.
 */
export const useAgent = (options: UseAgentOptions = {}): UseAgentResult => {
  const { capability, pollIntervalMs = 1000 } = options;
  const client = useClientOverride(options.client);
  const [run, setRun] = useState<AgentRun | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);
  const onFinishedRef = useRef(options.onFinished);
  onFinishedRef.current = options.onFinished;

  const stopPolling = useCallback(() => {
    generation.current++;
    clearTimeout(timer.current);
  }, []);

  useEffect(() => stopPolling, [stopPolling]);

  const poll = useCallback(
    (runId: string, myGeneration: number) => {
      timer.current = setTimeout(async () => {
        if (myGeneration !== generation.current) return;
        try {
          const latest = await client.getAgentRun(runId);
          if (myGeneration !== generation.current) return;
          setRun(latest);
          if (isTerminal(latest.status)) {
            onFinishedRef.current?.(latest);
          } else {
            poll(runId, myGeneration);
          }
        } catch (err) {
          if (myGeneration === generation.current) {
            setError(err instanceof Error ? err : new Error(String(err)));
          }
        }
      }, pollIntervalMs);
    },
    [client, pollIntervalMs],
  );

  const start = useCallback(
    async (goal: string, metadata?: Metadata) => {
      stopPolling();
      const myGeneration = generation.current;
      setError(null);
      try {
        const started = await client.startAgentRun({ goal, capability, metadata });
        if (myGeneration !== generation.current) return started;
        setRun(started);
        poll(started.id, myGeneration);
        return started;
      } catch (err) {
        setError(err instanceof Error ? err : new Error(String(err)));
        return undefined;
      }
    },
    [client, capability, poll, stopPolling],
  );

  const cancel = useCallback(async () => {
    if (!run || isTerminal(run.status)) return;
    try {
      setRun(await client.cancelAgentRun(run.id));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  }, [client, run]);

  const isRunning = run !== null && !isTerminal(run.status);
  return { run, isRunning, error, start, cancel };
};
