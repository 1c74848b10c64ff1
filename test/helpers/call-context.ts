import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Handler, ToolCallContext, ToolCallOutcome } from '../../src/core/tool-call.js';

/** A tools/call context as the gateway builds it, for pipeline tests. */
export const callContext = (
  overrides: Partial<Omit<ToolCallContext, 'trace'>> & { readonly name?: string } = {},
): ToolCallContext => {
  const [server = 'fs', tool = 'read_file'] = (overrides.name ?? 'fs/read_file').split('/');
  const args = overrides.args ?? { path: '/tmp/a.txt' };
  const definition: Tool = { name: tool, inputSchema: { type: 'object' } };
  return {
    id: 'call-1',
    server,
    tool,
    exposed: `${server}__${tool}`,
    meta: undefined,
    definition,
    session: { agent: undefined, client: { name: 'test-agent', version: '1' } },
    signal: undefined,
    onProgress: undefined,
    ...overrides,
    args,
    trace: { decision: undefined, argumentFindings: [], callRecorded: false, args },
  };
};

/** An ok outcome carrying a text result. */
export const okText = (text: string): ToolCallOutcome => ({
  kind: 'ok',
  result: { content: [{ type: 'text', text }] },
});

/** A forward that answers every call with `outcome` and remembers what it was given. */
export const fakeForward = (outcome: ToolCallOutcome = okText('done')) => {
  const calls: ToolCallContext[] = [];
  const forward: Handler = (ctx) => {
    calls.push(ctx);
    return Promise.resolve(outcome);
  };
  return { forward, calls };
};
