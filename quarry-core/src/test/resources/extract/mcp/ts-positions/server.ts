import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const server = new McpServer({ name: "docs", version: "1.0.0" });

server.tool(
  "search_passages",
  "Find the passages most similar to a query. " +
    "Call list_collections first.",
  {
    collection_id: z.string().describe("Collection id from list_collections"),
    query: z.string().min(1).describe("Text to search for"),
    top_k: z.number().int().min(1).max(50).default(5),
    mode: z.enum(["fast", "exact"]).optional(),
  },
  async ({ collection_id, query }) => ({
    content: [{ type: "text", text: `${collection_id}:${query}` }],
  }),
);

server.tool(
  "fetch_page",
  { page_url: z.string().url(), retries: z.number().int().min(2) },
  { readOnlyHint: true },
  async ({ page_url }) => ({ content: [{ type: "text", text: page_url }] }),
);
