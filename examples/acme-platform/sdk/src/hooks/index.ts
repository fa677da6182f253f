export { useChat } from "./useChat.js";
export type { ChatClient, UseChatOptions, UseChatResult } from "./useChat.js";
export { useRAG } from "./useRAG.js";
export type { RagClient, UseRAGOptions, UseRAGResult } from "./useRAG.js";
export { useEmbedding } from "./useEmbedding.js";
export type { EmbeddingClient, UseEmbeddingOptions, UseEmbeddingResult } from "./useEmbedding.js";
export { useAgent } from "./useAgent.js";
export type { AgentClient, UseAgentOptions, UseAgentResult } from "./useAgent.js";
export { useVectorSearch } from "./useVectorSearch.js";
export type {
  UseVectorSearchOptions,
  UseVectorSearchResult,
  VectorSearchClient,
} from "./useVectorSearch.js";
