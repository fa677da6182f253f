/**
 * Wire types for the Acme platform API.
 *
 * These mirror `components/schemas` in `backend/openapi.yaml` one to one,
 * including the snake_case property names used on the wire.
 */

export type DistanceMetric = "cosine" | "inner_product" | "l2";
export type FilterOp = "eq" | "ne" | "in" | "gt" | "gte" | "lt" | "lte";
export type Role = "system" | "user" | "assistant";
export type TaskStatus = "pending" | "running" | "succeeded" | "failed" | "cancelled";
export type Scope = "admin" | "read" | "write" | "agents";
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Metadata = Record<string, JsonValue>;

/** Body of every 4xx and 5xx response. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  request_id?: string | null;
}

export interface Health {
  status: string;
  version: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, boolean>;
}

export interface CollectionCreate {
  name: string;
  dimension: number;
  metric?: DistanceMetric;
  description?: string | null;
}

export interface Collection {
  id: string;
  name: string;
  dimension: number;
  metric: DistanceMetric;
  description?: string | null;
  vector_count: number;
  created_at: string;
}

export interface CollectionList {
  items: Collection[];
}

export interface VectorRecord {
  id: string;
  values: number[];
  metadata?: Metadata;
}

export interface VectorUpsertResponse {
  upserted: number;
}

export interface SearchFilter {
  field: string;
  op?: FilterOp;
  value: JsonValue;
}

export interface SearchRequest {
  vector: number[];
  top_k?: number;
  metric?: DistanceMetric;
  filters?: SearchFilter[];
  include_values?: boolean;
}

export interface SearchHit {
  id: string;
  score: number;
  metadata: Metadata;
  values?: number[] | null;
}

export interface SearchResponse {
  hits: SearchHit[];
  took_ms: number;
}

export interface ChatMessage {
  role: Role;
  content: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  conversation_id?: string | null;
  model?: string | null;
  temperature?: number;
  max_tokens?: number;
}

export interface ChatResponse {
  conversation_id: string;
  message: ChatMessage;
  model: string;
  usage: Usage;
}

export interface Conversation {
  id: string;
  messages: ChatMessage[];
  created_at: string;
  updated_at: string;
}

export interface EmbeddingRequest {
  input: string[];
  model?: string | null;
}

export interface Embedding {
  index: number;
  values: number[];
}

export interface EmbeddingResponse {
  model: string;
  data: Embedding[];
  usage: Usage;
}

export interface RagQueryRequest {
  collection_id: string;
  question: string;
  top_k?: number;
  filters?: SearchFilter[];
  min_score?: number | null;
}

export interface Citation {
  vector_id: string;
  score: number;
  snippet: string;
  metadata?: Metadata;
}

export interface RagQueryResponse {
  answer: string;
  citations: Citation[];
  usage: Usage;
}

export interface DocumentIngestRequest {
  collection_id: string;
  document_id: string;
  text: string;
  metadata?: Metadata;
  chunk_size?: number;
  chunk_overlap?: number;
}

export interface DocumentIngestResponse {
  document_id: string;
  chunks: number;
}

export interface AgentDescriptor {
  name: string;
  capabilities: string[];
  description: string;
  max_instances: number;
  active_instances: number;
}

export interface AgentList {
  items: AgentDescriptor[];
}

export interface AgentRunRequest {
  goal: string;
  capability?: string;
  metadata?: Metadata;
}

/** One task in a run; `children` are the subtasks it delegated. */
export interface TaskNode {
  id: string;
  run_id: string;
  kind: string;
  status: TaskStatus;
  agent?: string | null;
  attempts: number;
  result?: JsonValue;
  error?: string | null;
  created_at: string;
  finished_at?: string | null;
  children: TaskNode[];
}

export interface AgentRun {
  id: string;
  goal: string;
  status: TaskStatus;
  created_at: string;
  metadata: Metadata;
  root: TaskNode;
}

export interface TaskList {
  items: TaskNode[];
}

export interface ListTasksParams {
  status?: TaskStatus;
  run_id?: string;
  limit?: number;
}

export interface ApiKeyCreate {
  name: string;
  scopes?: Scope[];
  expires_in_days?: number | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  created_at: string;
  expires_at?: string | null;
  revoked: boolean;
}

export interface ApiKeyCreated extends ApiKey {
  /** Shown once; it cannot be retrieved again. */
  secret: string;
}

export interface ApiKeyList {
  items: ApiKey[];
}

/** True once a task or run can no longer change. */
export function isTerminal(status: TaskStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}
