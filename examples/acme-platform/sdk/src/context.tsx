import { createContext, useContext, type ReactNode } from "react";

import type { AcmeClient } from "./client.js";

const AcmeClientContext = createContext<AcmeClient | null>(null);

export interface AcmeProviderProps {
  client: AcmeClient;
  children?: ReactNode;
}

/** Makes an {@link AcmeClient} available to every hook below it. */
export function AcmeProvider({ client, children }: AcmeProviderProps) {
  return <AcmeClientContext.Provider value={client}>{children}</AcmeClientContext.Provider>;
}

/** The client from the nearest {@link AcmeProvider}. Throws if there is none. */
export function useAcmeClient(): AcmeClient {
  const client = useContext(AcmeClientContext);
  if (!client) {
    throw new Error("useAcmeClient: wrap your component tree in <AcmeProvider client={...}>");
  }
  return client;
}

/**
 * Resolve the client a hook should use: an explicit `override` (handy in
 * tests, where it only needs the methods the hook calls) or the provider's.
 */
export function useClientOverride<K extends keyof AcmeClient>(
  override: Pick<AcmeClient, K> | undefined,
): Pick<AcmeClient, K> {
  const fromContext = useContext(AcmeClientContext);
  const client = override ?? fromContext;
  if (!client) {
    throw new Error("@acme/aikit: pass `client` or render inside <AcmeProvider>");
  }
  return client;
}
