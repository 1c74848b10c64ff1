import { InitializeResultSchema, ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * A backend's first answers (`initialize`, `tools/list`) are checked by the SDK's Client against
 * its zod schemas, and zod compiles a schema's checking code at its first parse: 2-15 ms of CPU
 * for the `initialize` result and ~1.7 ms for `tools/list` in a fresh process (measured in
 * docs/performance.md, "Round 12: first call"). A warm start's first call waits for exactly those
 * two answers, so the gateway parses one plain example of each while its backends are still
 * booting, and the real answers find the schemas compiled. Returns how many examples passed (all
 * of them: an example that failed would warm the error path only).
 */
export const warmHandshakeSchemas = (): number => {
  const examples: [{ safeParse(value: unknown): { success: boolean } }, unknown][] = [
    [
      InitializeResultSchema,
      {
        protocolVersion: '2025-06-18',
        capabilities: { tools: { listChanged: true }, logging: {} },
        serverInfo: { name: 'example', version: '1.0.0' },
        instructions: 'example',
      },
    ],
    [
      ListToolsResultSchema,
      {
        tools: [
          {
            name: 'example',
            description: 'example',
            inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
            annotations: { readOnlyHint: true },
          },
        ],
      },
    ],
  ];
  let passed = 0;
  for (const [schema, example] of examples) if (schema.safeParse(example).success) passed++;
  return passed;
};
