/**
 * Typed REST client for the Acme platform API.
 *
 * One method per operation in `backend/openapi.yaml`; method names match the
 * spec's `operationId`s.
 *
 * @example
 * ```ts
 * const acme = new AcmeClient({ baseUrl: "https://api.acme.example", apiKey: process.env.ACME_API_KEY });
 * const { hits } = await acme.searchVectors(collectionId, { vector, top_k: 5 });
 * ```
 */

import type {
  AgentList,
  AgentRun,
  AgentRunRequest,
  ApiErrorBody,
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyList,
  ChatRequest,
  ChatResponse,
  Collection,
  CollectionCreate,
  CollectionList,
  Conversation,
  DocumentIngestRequest,
  DocumentIngestResponse,
  EmbeddingRequest,
  EmbeddingResponse,
  Health,
  ListTasksParams,
  RagQueryRequest,
  RagQueryResponse,
  Readiness,
  SearchRequest,
  SearchResponse,
  TaskList,
  TaskNode,
  VectorRecord,
  VectorUpsertResponse,
} from "./types.js";

export type HttpMethod = "GET" | "POST" | "DELETE";

/** Options accepted by every client method. */
export interface RequestOptions {
  /** Aborts the request (for example when a React component unmounts). */
  signal?: AbortSignal;
  /** Sent as `X-Request-ID` and echoed back in errors. */
  requestId?: string;
}

export interface AcmeClientOptions {
  /** Base URL without a trailing slash, e.g. `https://api.acme.example`. */
  baseUrl: string;
  /** API key sent as `X-API-Key`. Omit only for the health endpoints. */
  apiKey?: string;
  /** Per-attempt timeout in milliseconds. Defaults to 30 000. */
  timeoutMs?: number;
  /** Retries for idempotent requests (GET, DELETE). Defaults to 2. */
  maxRetries?: number;
  /** Custom fetch implementation (tests, proxies, older runtimes). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set<HttpMethod>(["GET", "DELETE"]);

/** Thrown for every non-2xx response; carries the parsed `Error` body. */
export class AcmeApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly requestId: string | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = "AcmeApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? {};
    this.requestId = body.request_id ?? undefined;
  }

  /** True for errors worth retrying later (rate limits, gateway hiccups). */
  get retryable(): boolean {
    return RETRYABLE_STATUSES.has(this.status);
  }
}

/** Thrown when an attempt exceeds `timeoutMs`. */
export class AcmeTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`);
    this.name = "AcmeTimeoutError";
  }
}

/** True if `error` came from an `AbortSignal` the caller triggered. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class AcmeClient {
  private readonly baseUrl: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly fetchImpl: typeof fetch;
  private readonly extraHeaders: Record<string, string>;

  constructor(options: AcmeClientOptions) {
    if (!options.baseUrl) {
      throw new Error("AcmeClient: baseUrl is required");
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.extraHeaders = options.headers ?? {};
  }

  // -- health -------------------------------------------------------------

  /** `GET /health` — liveness probe. */
  getHealth(options?: RequestOptions): Promise<Health> {
    return this.request("GET", "/health", { ...options });
  }

  /** `GET /health/ready` — readiness probe; rejects with 503 when not ready. */
  getReadiness(options?: RequestOptions): Promise<Readiness> {
    return this.request("GET", "/health/ready", { ...options });
  }

  // -- collections ----------------------------------------------------------

  /** `GET /v1/collections` */
  listCollections(options?: RequestOptions): Promise<CollectionList> {
    return this.request("GET", "/v1/collections", { ...options });
  }

  /** `POST /v1/collections` — rejects with 409 if the name is taken. */
  createCollection(body: CollectionCreate, options?: RequestOptions): Promise<Collection> {
    return this.request("POST", "/v1/collections", { ...options, body });
  }

  /** `GET /v1/collections/{collection_id}` */
  getCollection(collectionId: string, options?: RequestOptions): Promise<Collection> {
    return this.request("GET", `/v1/collections/${enc(collectionId)}`, { ...options });
  }

  /** `DELETE /v1/collections/{collection_id}` — also deletes every vector. */
  deleteCollection(collectionId: string, options?: RequestOptions): Promise<void> {
    return this.request("DELETE", `/v1/collections/${enc(collectionId)}`, { ...options });
  }

  // -- vectors --------------------------------------------------------------

  /** `POST /v1/collections/{collection_id}/vectors` — at most 500 per call. */
  upsertVectors(
    collectionId: string,
    vectors: VectorRecord[],
    options?: RequestOptions,
  ): Promise<VectorUpsertResponse> {
    return this.request("POST", `/v1/collections/${enc(collectionId)}/vectors`, {
      ...options,
      body: { vectors },
    });
  }

  /** `POST /v1/collections/{collection_id}/vectors/search` */
  searchVectors(
    collectionId: string,
    body: SearchRequest,
    options?: RequestOptions,
  ): Promise<SearchResponse> {
    return this.request("POST", `/v1/collections/${enc(collectionId)}/vectors/search`, {
      ...options,
      body,
    });
  }

  /** `GET /v1/collections/{collection_id}/vectors/{vector_id}` */
  getVector(collectionId: string, vectorId: string, options?: RequestOptions): Promise<VectorRecord> {
    return this.request("GET", `/v1/collections/${enc(collectionId)}/vectors/${enc(vectorId)}`, {
      ...options,
    });
  }

  /** `DELETE /v1/collections/{collection_id}/vectors/{vector_id}` */
  deleteVector(collectionId: string, vectorId: string, options?: RequestOptions): Promise<void> {
    return this.request("DELETE", `/v1/collections/${enc(collectionId)}/vectors/${enc(vectorId)}`, {
      ...options,
    });
  }

  // -- embeddings, chat, rag -------------------------------------------------

  /** `POST /v1/embeddings` — `data[i]` belongs to `input[i]`. */
  createEmbeddings(body: EmbeddingRequest, options?: RequestOptions): Promise<EmbeddingResponse> {
    return this.request("POST", "/v1/embeddings", { ...options, body });
  }

  /** `POST /v1/chat/completions` — omit `conversation_id` to start a new conversation. */
  createChatCompletion(body: ChatRequest, options?: RequestOptions): Promise<ChatResponse> {
    return this.request("POST", "/v1/chat/completions", { ...options, body });
  }

  /** `GET /v1/chat/conversations/{conversation_id}` */
  getConversation(conversationId: string, options?: RequestOptions): Promise<Conversation> {
    return this.request("GET", `/v1/chat/conversations/${enc(conversationId)}`, { ...options });
  }

  /** `POST /v1/rag/query` — a grounded answer with citations. */
  ragQuery(body: RagQueryRequest, options?: RequestOptions): Promise<RagQueryResponse> {
    return this.request("POST", "/v1/rag/query", { ...options, body });
  }

  /** `POST /v1/rag/documents` — chunk, embed and store a document. */
  ingestDocument(body: DocumentIngestRequest, options?: RequestOptions): Promise<DocumentIngestResponse> {
    return this.request("POST", "/v1/rag/documents", { ...options, body });
  }

  // -- agents and tasks -----------------------------------------------------

  /** `GET /v1/agents` */
  listAgents(options?: RequestOptions): Promise<AgentList> {
    return this.request("GET", "/v1/agents", { ...options });
  }

  /** `POST /v1/agents/runs` — returns at once with status `pending`. */
  startAgentRun(body: AgentRunRequest, options?: RequestOptions): Promise<AgentRun> {
    return this.request("POST", "/v1/agents/runs", { ...options, body });
  }

  /** `GET /v1/agents/runs/{run_id}` — includes the full task tree. */
  getAgentRun(runId: string, options?: RequestOptions): Promise<AgentRun> {
    return this.request("GET", `/v1/agents/runs/${enc(runId)}`, { ...options });
  }

  /** `POST /v1/agents/runs/{run_id}/cancel` */
  cancelAgentRun(runId: string, options?: RequestOptions): Promise<AgentRun> {
    return this.request("POST", `/v1/agents/runs/${enc(runId)}/cancel`, { ...options });
  }

  /** `GET /v1/tasks` — newest first, without children. */
  listTasks(params: ListTasksParams = {}, options?: RequestOptions): Promise<TaskList> {
    return this.request("GET", "/v1/tasks", { ...options, query: { ...params } });
  }

  /** `GET /v1/tasks/{task_id}` */
  getTask(taskId: string, options?: RequestOptions): Promise<TaskNode> {
    return this.request("GET", `/v1/tasks/${enc(taskId)}`, { ...options });
  }

  /** `POST /v1/tasks/{task_id}/retry` — rejects with 409 unless the task failed. */
  retryTask(taskId: string, options?: RequestOptions): Promise<TaskNode> {
    return this.request("POST", `/v1/tasks/${enc(taskId)}/retry`, { ...options });
  }

  // -- API keys ---------------------------------------------------------------

  /** `GET /v1/auth/api-keys` (admin scope) */
  listApiKeys(options?: RequestOptions): Promise<ApiKeyList> {
    return this.request("GET", "/v1/auth/api-keys", { ...options });
  }

  /** `POST /v1/auth/api-keys` (admin scope) — the secret is returned only here. */
  createApiKey(body: ApiKeyCreate, options?: RequestOptions): Promise<ApiKeyCreated> {
    return this.request("POST", "/v1/auth/api-keys", { ...options, body });
  }

  /** `DELETE /v1/auth/api-keys/{key_id}` (admin scope) */
  revokeApiKey(keyId: string, options?: RequestOptions): Promise<void> {
    return this.request("DELETE", `/v1/auth/api-keys/${enc(keyId)}`, { ...options });
  }

  // -- transport ----------------------------------------------------------------

  /**
   * Send one request, retrying idempotent methods on network errors and on
   * 429/502/503/504 with exponential back-off (250 ms, 500 ms, ...).
   */
  private async request<T>(
    method: HttpMethod,
    path: string,
    init: RequestOptions & { body?: unknown; query?: Record<string, string | number | undefined> },
  ): Promise<T> {
    const url = this.buildUrl(path, init.query);
    const headers: Record<string, string> = { Accept: "application/json", ...this.extraHeaders };
    if (this.apiKey) headers["X-API-Key"] = this.apiKey;
    if (init.requestId) headers["X-Request-ID"] = init.requestId;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
    const attempts = IDEMPOTENT_METHODS.has(method) ? this.maxRetries + 1 : 1;

    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.fetchWithTimeout(url, { method, headers, body: payload }, init.signal);
        if (response.ok) {
          return (response.status === 204 ? undefined : await response.json()) as T;
        }
        const error = new AcmeApiError(response.status, await readErrorBody(response));
        if (!error.retryable || attempt >= attempts) throw error;
      } catch (error) {
        const transient = error instanceof TypeError || error instanceof AcmeTimeoutError;
        if (!transient || attempt >= attempts) throw error;
      }
      await sleep(250 * 2 ** (attempt - 1));
    }
  }

  private async fetchWithTimeout(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      return await this.fetchImpl(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (timedOut) throw new AcmeTimeoutError(this.timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private buildUrl(path: string, query?: Record<string, string | number | undefined>): string {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

async function readErrorBody(response: Response): Promise<ApiErrorBody> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<ApiErrorBody>;
    if (typeof parsed.code === "string" && typeof parsed.message === "string") {
      return parsed as ApiErrorBody;
    }
  } catch {
    // Not JSON (e.g. an HTML page from a proxy); fall through.
  }
  return {
    code: `http_${response.status}`,
    message: text.slice(0, 200) || response.statusText || `HTTP ${response.status}`,
    request_id: response.headers.get("X-Request-ID"),
  };
}
