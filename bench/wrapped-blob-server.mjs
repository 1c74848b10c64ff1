// @ts-check
// A backend whose `blob` tool answers as FastMCP answers a tool that returns a string: the text
// once in `content` and again in `structuredContent.result` (declared by an output schema).
// `bench/profile-blob.js --wrapped` uses it to measure a result that carries its text twice.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { linesText } from './sample-text.mjs';

const MAX_BLOB = 64 * 1024 * 1024;
/** @type {Map<number, string>} */
const texts = new Map();

const server = new Server(
  { name: 'bench-wrapped-blob', version: '1.0.0' },
  { capabilities: { tools: {} } },
);
server.setRequestHandler(ListToolsRequestSchema, () => ({
  tools: [
    {
      name: 'blob',
      description:
        'Returns a text of exactly the given number of bytes, as text and as structured content.',
      inputSchema: {
        type: 'object',
        properties: { bytes: { type: 'integer', minimum: 0, maximum: MAX_BLOB } },
        required: ['bytes'],
      },
      outputSchema: {
        type: 'object',
        properties: { result: { type: 'string' } },
        required: ['result'],
      },
    },
  ],
}));
server.setRequestHandler(CallToolRequestSchema, (request) => {
  const bytes = request.params.arguments?.['bytes'];
  if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0 || bytes > MAX_BLOB)
    return { content: [{ type: 'text', text: 'bytes must be an integer' }], isError: true };
  let text = texts.get(bytes);
  if (text === undefined) {
    text = linesText(bytes);
    texts.clear();
    texts.set(bytes, text);
  }
  return { content: [{ type: 'text', text }], structuredContent: { result: text } };
});
await server.connect(new StdioServerTransport());
