import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'demo', version: '1.0.0' });

server.tool('echo', 'Echo a message back', { message: z.string() }, async ({ message }) => ({
  content: [{ type: 'text', text: message }],
}));

const name = 'get-sum';
const config = {
  description: 'Adds two numbers',
  inputSchema: { a: z.number(), b: z.number() },
};

server.registerTool(name, config, async ({ a, b }) => ({
  content: [{ type: 'text', text: String(a + b) }],
}));
