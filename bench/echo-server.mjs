// @ts-check
// The benchmark's backend: one `echo` tool and nothing else, so the gateway's own cost shows.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

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
  ],
}));
server.setRequestHandler(CallToolRequestSchema, (request) => {
  const message = request.params.arguments?.['message'];
  return { content: [{ type: 'text', text: typeof message === 'string' ? message : '' }] };
});
await server.connect(new StdioServerTransport());
