// @ts-check
// The benchmark's backend: `echo` (returns its message) and `blob` (returns N bytes of
// realistic text), and nothing else, so the gateway's own cost shows.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { linesText } from './sample-text.mjs';

const MAX_BLOB = 64 * 1024 * 1024;

/** @type {Map<number, string>} */
const blobs = new Map();
/** Exactly `bytes` characters (ASCII) of realistic text, built once per size. */
function blobOf(/** @type {number} */ bytes) {
  let text = blobs.get(bytes);
  if (text === undefined) {
    text = linesText(bytes);
    if (blobs.size > 8) blobs.clear();
    blobs.set(bytes, text);
  }
  return text;
}

const server = new Server(
  { name: 'bench-echo', version: '1.0.0' },
  { capabilities: { tools: {} } },
);
server.setRequestHandler(ListToolsRequestSchema, () => ({
  tools: [
    {
      name: 'echo',
      description: 'Returns its message.',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string' } },
        required: ['message'],
      },
    },
    {
      name: 'blob',
      description:
        'Returns a text result of exactly the given number of bytes (logs, prose, code).',
      inputSchema: {
        type: 'object',
        properties: { bytes: { type: 'integer', minimum: 0, maximum: MAX_BLOB } },
        required: ['bytes'],
      },
    },
  ],
}));
server.setRequestHandler(CallToolRequestSchema, (request) => {
  const args = request.params.arguments;
  if (request.params.name === 'blob') {
    const bytes = args?.['bytes'];
    if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0 || bytes > MAX_BLOB) {
      return { content: [{ type: 'text', text: 'bytes must be an integer' }], isError: true };
    }
    return { content: [{ type: 'text', text: blobOf(bytes) }] };
  }
  const message = args?.['message'];
  return { content: [{ type: 'text', text: typeof message === 'string' ? message : '' }] };
});
await server.connect(new StdioServerTransport());
