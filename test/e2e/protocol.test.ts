import {
  CallToolResultSchema,
  CreateMessageRequestSchema,
  ProgressNotificationSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  ListRootsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { EVERYTHING_SERVER, FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  startListening,
  trackGateways,
  writeConfig,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const everything = () => nodeServer(EVERYTHING_SERVER, { args: ['stdio'] });

const start = async (
  servers: Record<string, unknown>,
  capabilities: Record<string, unknown> = {},
) => {
  const { file } = await writeConfig({ servers });
  const gateway = await connectGateway(['--config', file], { capabilities });
  open.push(gateway);
  return gateway;
};

const textOf = (result: Record<string, unknown>): string =>
  ((result['content'] ?? []) as { text?: string }[]).map((c) => c.text ?? '').join('\n');

describe('the whole protocol through the gateway, against server-everything', () => {
  test('prompts from two backends are namespaced and routed back with the original name', async () => {
    const gateway = await start({ a: everything(), b: everything() });
    const { prompts } = await gateway.client.listPrompts();
    const names = prompts.map((p) => p.name);
    expect(names).toContain('a__simple-prompt');
    expect(names).toContain('b__simple-prompt');
    const prompt = await gateway.client.getPrompt({ name: 'b__simple-prompt' });
    expect(prompt.messages.length).toBeGreaterThan(0);
    await expect(gateway.client.getPrompt({ name: 'c__simple-prompt' })).rejects.toMatchObject({
      code: -32602,
    });
  });

  test('a URI listed by two backends is exposed once per backend and both are readable', async () => {
    const gateway = await start({ a: everything(), b: everything() });
    const { resources } = await gateway.client.listResources();
    const rewritten = resources.filter((r) => r.uri.startsWith('mcp-gateway://'));
    expect(rewritten.length).toBeGreaterThan(0);
    const fromA = rewritten.find((r) => r.uri.startsWith('mcp-gateway://a/'));
    const fromB = rewritten.find(
      (r) => r.uri.startsWith('mcp-gateway://b/') && r.name === fromA?.name,
    );
    expect(fromA).toBeDefined();
    expect(fromB).toBeDefined();
    const readA = await gateway.client.readResource({ uri: fromA!.uri });
    const readB = await gateway.client.readResource({ uri: fromB!.uri });
    expect(readA.contents.length).toBeGreaterThan(0);
    expect(readB.contents.length).toBeGreaterThan(0);
    const { resourceTemplates } = await gateway.client.listResourceTemplates();
    expect(resourceTemplates.length).toBeGreaterThan(0);
  });

  test('resources of a single backend keep their URIs; templated URIs route to their backend', async () => {
    const gateway = await start({ only: everything() });
    const { resources } = await gateway.client.listResources();
    expect(resources.every((r) => !r.uri.startsWith('mcp-gateway://'))).toBe(true);
    const { resourceTemplates } = await gateway.client.listResourceTemplates();
    const template = resourceTemplates[0]!.uriTemplate;
    const uri = template.replace(/\{[^}]+\}/g, '1');
    const read = await gateway.client.readResource({ uri });
    expect(read.contents.length).toBeGreaterThan(0);
  });

  test('sampling and elicitation requests from a backend are answered by the agent', async () => {
    const gateway = await start({ ev: everything() }, { sampling: {}, elicitation: {}, roots: {} });
    let sampled = 0;
    let elicited = 0;
    gateway.client.setRequestHandler(CreateMessageRequestSchema, () => {
      sampled++;
      return {
        role: 'assistant',
        content: { type: 'text', text: 'sampled by the test client' },
        model: 'test-model',
      };
    });
    gateway.client.setRequestHandler(ElicitRequestSchema, () => {
      elicited++;
      return { action: 'accept', content: { color: 'blue', number: 3, pets: 'cats' } };
    });
    gateway.client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: [{ uri: 'file:///tmp', name: 'tmp' }],
    }));
    const names = (await gateway.client.listTools()).tools.map((t) => t.name);
    const samplingTool = names.find((n) => n.includes('sampling'));
    const elicitationTool = names.find((n) => n.includes('elicitation'));
    expect(samplingTool).toBeDefined();
    expect(elicitationTool).toBeDefined();
    const sampling = await gateway.client.callTool({
      name: samplingTool!,
      arguments: { prompt: 'hi', maxTokens: 10 },
    });
    expect(textOf(sampling)).toContain('sampled by the test client');
    expect(sampled).toBe(1);
    await gateway.client.callTool({ name: elicitationTool!, arguments: {} });
    expect(elicited).toBe(1);
  });

  test('progress reaches the agent under its own progress token', async () => {
    const gateway = await start({ ev: everything() });
    // Our own handler sees every notification (the SDK's onprogress would drop one that
    // arrives in the same chunk as the response, a client-side race).
    const seen: { token: string | number; progress: number }[] = [];
    gateway.client.setNotificationHandler(ProgressNotificationSchema, (n) => {
      seen.push({ token: n.params.progressToken, progress: n.params.progress });
    });
    await gateway.client.request(
      {
        method: 'tools/call',
        params: {
          name: 'ev__trigger-long-running-operation',
          arguments: { duration: 1, steps: 3 },
          _meta: { progressToken: 'agent-token-7' },
        },
      },
      CallToolResultSchema,
      { timeout: 20_000 },
    );
    await expect.poll(() => seen.length, { timeout: 2000 }).toBe(3);
    expect(seen).toEqual([
      { token: 'agent-token-7', progress: 1 },
      { token: 'agent-token-7', progress: 2 },
      { token: 'agent-token-7', progress: 3 },
    ]);
  });

  test('logging: setLevel reaches the backend and its log messages are relayed with its name', async () => {
    const gateway = await start({ ev: everything() });
    const loggers: string[] = [];
    gateway.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      loggers.push(n.params.logger ?? '');
    });
    await gateway.client.setLoggingLevel('debug');
    await gateway.client.callTool({ name: 'ev__toggle-simulated-logging', arguments: {} });
    await expect.poll(() => loggers.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(loggers[0]).toMatch(/^ev/);
    await gateway.client.ping();
  });

  test("the agent's cancellation reaches the backend", async () => {
    const gateway = await start({ fx: nodeServer(FIXTURE_SERVER) });
    await gateway.client.listTools();
    const controller = new AbortController();
    const call = gateway.client.callTool(
      { name: 'fx__slow', arguments: { ms: 30_000 } },
      undefined,
      { signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    controller.abort('changed my mind');
    await expect(call).rejects.toThrow();
    await expect
      .poll(() => gateway.stderr(), { timeout: 5000 })
      .toContain('[fx] fixture: call cancelled');
  });

  test('a call that outlives the call timeout is cancelled at the backend with a clear error', async () => {
    const { file } = await writeConfig({
      servers: { fx: { ...nodeServer(FIXTURE_SERVER), timeouts: { call: '1s' } } },
    });
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    const result = await gateway.client.callTool({ name: 'fx__slow', arguments: { ms: 30_000 } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Backend "fx" did not answer within 1000 ms');
    await expect
      .poll(() => gateway.stderr(), { timeout: 5000 })
      .toContain('[fx] fixture: call cancelled');
  });
});

describe('remote backends', () => {
  test('a Streamable HTTP backend is reached by url, with its tools namespaced', async () => {
    const { CONFORMANCE_SERVER } = await import('../helpers/paths.js');
    const server = await startListening([CONFORMANCE_SERVER, '--http', '0']);
    try {
      const url = server.url;
      const gateway = await start({ remote: { url, headers: { 'X-Gateway-Test': 'yes' } } });
      const names = (await gateway.client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('remote__test_simple_text');
      const result = await gateway.client.callTool({
        name: 'remote__test_simple_text',
        arguments: {},
      });
      expect(result.isError).not.toBe(true);
    } finally {
      await server.stop();
    }
  });

  test('a legacy SSE backend is reached through the automatic fallback', async () => {
    const { SSE_SERVER } = await import('../helpers/paths.js');
    const server = await startListening([SSE_SERVER, '0']);
    try {
      const url = server.url;
      const gateway = await start({ legacy: { url } });
      const names = (await gateway.client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(['legacy__legacy_echo']);
      const result = await gateway.client.callTool({
        name: 'legacy__legacy_echo',
        arguments: { a: 1 },
      });
      expect(result.content).toEqual([{ type: 'text', text: 'sse: {"a":1}' }]);
    } finally {
      await server.stop();
    }
  });
});
