export { AcmeApiError, AcmeClient, AcmeTimeoutError, isAbortError } from "./client.js";
export type { AcmeClientOptions, RequestOptions } from "./client.js";
export { AcmeProvider, useAcmeClient } from "./context.js";
export type { AcmeProviderProps } from "./context.js";
export * from "./hooks/index.js";
export { ChatPanel } from "./components/ChatPanel.js";
export type { ChatPanelProps } from "./components/ChatPanel.js";
export * from "./types.js";
