// @ts-check
// The benchmark's backend: `echo` (returns its message) and `blob` (returns N bytes of
// realistic text), and nothing else, so the gateway's own cost shows.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const MAX_BLOB = 64 * 1024 * 1024;

/**
 * Lines of the kind a real tool returns (logs, prose, code, a listing), cycled with a counter
 * so the text does not repeat exactly and a scanner cannot shortcut on one line.
 */
const LINES = [
  (/** @type {number} */ i) =>
    `2026-11-23T10:${String(i % 60).padStart(2, '0')}:07.${i % 1000}Z INFO request handled method=GET path=/api/items/${i} status=200 duration_ms=${i % 97}`,
  (/** @type {number} */ i) =>
    `The build finished in ${i % 40} seconds; ${i % 7} warnings were reported by the type checker and none by the linter.`,
  (/** @type {number} */ i) =>
    `export function item${i}(input: string): number { return input.length + ${i % 13}; }`,
  (/** @type {number} */ i) =>
    `-rw-r--r--  1 dev dev ${(i * 37) % 100000} Nov 23 10:07 src/module-${i}/index.ts`,
  (/** @type {number} */ i) =>
    `Section ${i}: the configuration file lists servers by name; each one starts on demand and is listed once.`,
];

/** @type {Map<number, string>} */
const blobs = new Map();
/** Exactly `bytes` characters (ASCII) of realistic text, built once per size. */
function blobOf(/** @type {number} */ bytes) {
  let text = blobs.get(bytes);
  if (text === undefined) {
    const parts = [];
    let length = 0;
    for (let i = 0; length < bytes; i++) {
      const line = `${/** @type {(i: number) => string} */ (LINES[i % LINES.length])(i)}\n`;
      parts.push(line);
      length += line.length;
    }
    text = parts.join('').slice(0, bytes);
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
