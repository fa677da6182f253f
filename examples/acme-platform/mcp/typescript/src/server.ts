#!/usr/bin/env node
/**
 * MCP server exposing the Acme platform as tools, over stdio.
 *
 * Tool names and inputs match the Python server in `../python` and the
 * manifest in `../tools.json`, so either implementation can be deployed.
 *
 * Environment: `ACME_API_URL` (default http://localhost:8000) and
 * `ACME_API_KEY` (needs the `read` and `agents` scopes).
 */

import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { AcmeApiError, AcmeClient } from "@acme/aikit/client";
import { z } from "zod";

type ToolResult = {
  content: { type: "text"; text: string }[];
  isError?: boolean;
};

/** Run a tool body; API failures become tool errors the model can read. */
async function respond(body: () => Promise<unknown>): Promise<ToolResult> {
  try {
    const value = await body();
    return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }] };
  } catch (error) {
    return { isError: true, content: [{ type: "text", text: describeError(error) }] };
  }
}

function describeError(error: unknown): string {
  if (error instanceof AcmeApiError) {
    return `Acme API returned ${error.status} (${error.code}: ${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function createServer(acme: AcmeClient): McpServer {
  const server = new McpServer({ name: "acme", version: "0.3.0" });

  server.tool(
    "list_collections",
    "List vector collections with their id, dimension, metric and vector count. " +
      "Call this first to find the collection_id the other tools need.",
    {},
    async () =>
      respond(async () => {
        const { items } = await acme.listCollections();
        return items.map(({ id, name, dimension, metric, vector_count }) => ({
          id,
          name,
          dimension,
          metric,
          vector_count,
        }));
      }),
  );

  server.tool(
    "search_vectors",
    "Find the passages in a collection most similar to a natural-language query.",
    {
      collection_id: z.string().describe("Collection id from list_collections"),
      query: z.string().min(1).describe("Text to embed and search for"),
      top_k: z.number().int().min(1).max(50).default(5),
      filters: z
        .record(z.union([z.string(), z.number(), z.boolean()]))
        .optional()
        .describe('Exact-match metadata filters, e.g. {"lang": "en"}'),
    },
    async ({ collection_id, query, top_k, filters }) =>
      respond(async () => {
        const embedding = await acme.createEmbeddings({ input: [query] });
        const vector = embedding.data[0]?.values;
        if (!vector) throw new Error("the embeddings endpoint returned no vector");
        const { hits } = await acme.searchVectors(collection_id, {
          vector,
          top_k,
          filters: Object.entries(filters ?? {}).map(([field, value]) => ({ field, op: "eq", value })),
        });
        return hits.map((hit) => ({
          id: hit.id,
          score: Number(hit.score.toFixed(4)),
          text: hit.metadata.text ?? "",
          source: hit.metadata.document_id ?? null,
        }));
      }),
  );

  server.tool(
    "ask_knowledge_base",
    "Answer a question using only the documents in one Acme collection. " +
      "Returns the answer and the passages it cites.",
    {
      collection_id: z.string(),
      question: z.string().min(1),
      top_k: z.number().int().min(1).max(20).default(5),
    },
    async ({ collection_id, question, top_k }) =>
      respond(async () => {
        const result = await acme.ragQuery({ collection_id, question, top_k });
        return {
          answer: result.answer,
          citations: result.citations.map((c, i) => ({ n: i + 1, vector_id: c.vector_id, snippet: c.snippet })),
        };
      }),
  );

  server.tool(
    "get_agent_run",
    "Report an agent run's status, task counts and failed tasks; includes the result once it succeeded.",
    { run_id: z.string() },
    async ({ run_id }) =>
      respond(async () => {
        const run = await acme.getAgentRun(run_id);
        const counts: Record<string, number> = {};
        const failedLeaves: { task_id: string; kind: string; error: string }[] = [];
        const stack = [run.root];
        for (let node = stack.pop(); node; node = stack.pop()) {
          counts[node.status] = (counts[node.status] ?? 0) + 1;
          if (node.status === "failed" && node.children.length === 0) {
            failedLeaves.push({ task_id: node.id, kind: node.kind, error: node.error ?? "" });
          }
          stack.push(...node.children);
        }
        return {
          run_id: run.id,
          status: run.status,
          task_counts: counts,
          failed_leaves: failedLeaves,
          result: run.status === "succeeded" ? run.root.result : null,
        };
      }),
  );

  server.registerTool(
    "start_agent_run",
    {
      title: "Start agent run",
      description:
        "Start a multi-step agent run for a goal and return its id. The planner splits the goal " +
        "into research questions answered from collection_id. Poll get_agent_run for progress.",
      inputSchema: {
        goal: z.string().min(1).max(4000),
        collection_id: z.string().optional(),
      },
    },
    async ({ goal, collection_id }) =>
      respond(async () => {
        const run = await acme.startAgentRun({
          goal,
          metadata: collection_id ? { collection_id } : {},
        });
        return { run_id: run.id, status: run.status };
      }),
  );

  return server;
}

async function main(): Promise<void> {
  const apiKey = process.env.ACME_API_KEY;
  if (!apiKey) {
    console.error("ACME_API_KEY is not set; refusing to start");
    process.exit(1);
  }
  const acme = new AcmeClient({
    baseUrl: process.env.ACME_API_URL ?? "http://localhost:8000",
    apiKey,
  });
  const server = createServer(acme);
  await server.connect(new StdioServerTransport());
  // stdout carries the protocol; log to stderr only.
  console.error("acme MCP server ready on stdio");
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
