import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execa } from 'execa';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, FIXTURE_SERVER, ROOT } from '../helpers/paths.js';
import { startOtlpReceiver, type OtlpReceiver } from '../helpers/otlp-receiver.js';
import { waitForExit } from '../helpers/process-alive.js';
import {
  connectGateway,
  nodeServer,
  startListening,
  trackGateways,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();
const receivers: OtlpReceiver[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.stop();
});

const receiver = async (): Promise<OtlpReceiver> => {
  const started = await startOtlpReceiver();
  receivers.push(started);
  return started;
};

const FIXTURE = nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'echo,meta,inject' } });

/** A gateway with the fixture backend, a policy with one argument-dependent deny, and `extra`. */
const start = async (
  extra: Record<string, unknown>,
  env: Record<string, string> = {},
): Promise<{ gateway: ConnectedGateway; dir: string; file: string }> => {
  const { dir, file } = await writeConfig({
    servers: { fx: FIXTURE },
    policy: {
      default: 'allow',
      rules: [
        {
          id: 'no-forbidden',
          effect: 'deny',
          match: 'fx/echo',
          args: { text: { in: ['forbidden'] } },
        },
      ],
    },
    ...extra,
  });
  const gateway = await connectGateway(['--config', file], { env });
  open.push(gateway);
  return { gateway, dir, file };
};

const readAudit = async (dir: string): Promise<Record<string, unknown>[]> =>
  (await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const textOf = (result: unknown): string =>
  (result as { content: { text: string }[] }).content[0]?.text ?? '';

const stop = async (gateway: ConnectedGateway): Promise<void> => {
  await gateway.close();
  await waitForExit(gateway.pid);
};

const AGENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const AGENT_SPAN = '00f067aa0ba902b7';

describe('OTLP export through the built gateway (http/protobuf)', () => {
  test('spans continue the agent’s trace, logs mirror the audit log, metrics count the calls', async () => {
    const otlp = await receiver();
    const { gateway, dir } = await start(
      {
        telemetry: {
          resource: { team: 'platform' },
          otlp: {
            endpoint: otlp.url,
            headers: { 'x-api-key': '${env:COLLECTOR_KEY}' },
            scheduleDelay: '100ms',
            metricsInterval: '1h',
          },
        },
      },
      { COLLECTOR_KEY: 'k-123' },
    );
    const echoed = await gateway.client.callTool({
      name: 'fx__echo',
      arguments: { text: 'hello' },
      _meta: { traceparent: `00-${AGENT_TRACE}-${AGENT_SPAN}-01`, tracestate: 'vendor=1' },
    });
    expect(textOf(echoed)).toBe('echo: hello');
    const meta = await gateway.client.callTool({
      name: 'fx__meta',
      arguments: {},
      _meta: {
        traceparent: `00-${AGENT_TRACE}-${AGENT_SPAN}-01`,
        tracestate: 'vendor=1',
        'example.com/tag': 't1',
      },
    });
    const denied = await gateway.client.callTool({
      name: 'fx__echo',
      arguments: { text: 'forbidden' },
    });
    expect(denied.isError).toBe(true);
    await gateway.client.callTool({ name: 'fx__inject', arguments: {} });
    await stop(gateway);

    // Traces: one SERVER span per call, its steps as children, the backend as a CLIENT child.
    await otlp.waitFor(() => otlp.spans.filter((s) => s.kind === 2).length === 4);
    const roots = otlp.spans.filter((s) => s.kind === 2);
    const echo = roots.find(
      (s) => s.name === 'tools/call fx__echo' && s.attributes['mcp_gateway.outcome'] === 'ok',
    );
    expect(echo).toBeDefined();
    const root = echo!;
    expect(root.traceId).toBe(AGENT_TRACE);
    expect(root.parentSpanId).toBe(AGENT_SPAN);
    expect(root.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'fx__echo',
      'network.transport': 'pipe',
      'mcp_gateway.server': 'fx',
      'mcp_gateway.tool': 'echo',
      'mcp_gateway.outcome': 'ok',
    });
    expect(root.attributes['jsonrpc.request.id']).toMatch(/^\d+$/);
    expect(root.attributes['mcp.session.id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(root.attributes['mcp_gateway.audit.seq']).toEqual(expect.any(Number));
    expect(root.resource).toMatchObject({ 'service.name': 'mcp-gateway', team: 'platform' });
    const children = otlp.spans.filter((s) => s.parentSpanId === root.spanId);
    expect(children.map((s) => s.name).sort()).toEqual([
      'audit',
      'audit',
      'flow',
      'policy',
      'scan',
      'scan',
      'tools/call echo',
    ]);
    for (const child of children) expect(child.traceId).toBe(AGENT_TRACE);
    const backend = children.find((s) => s.name === 'tools/call echo');
    expect(backend?.kind).toBe(3);
    expect(backend?.attributes).toMatchObject({
      'gen_ai.tool.name': 'echo',
      'network.transport': 'pipe',
    });
    expect(children.find((s) => s.name === 'policy')?.attributes).toMatchObject({
      'mcp_gateway.policy.decision': 'allow',
      'mcp_gateway.policy.rule': 'default',
    });

    // The backend got the trace context of the gateway's backend span, the rest of _meta kept.
    const forwarded = JSON.parse(textOf(meta)) as Record<string, string>;
    expect(forwarded['example.com/tag']).toBe('t1');
    expect(forwarded['tracestate']).toBe('vendor=1');
    const [, traceId, parentId] = forwarded['traceparent']?.split('-') ?? [];
    expect(traceId).toBe(AGENT_TRACE);
    const metaBackend = otlp.spans.find((s) => s.name === 'tools/call meta');
    expect(parentId).toBe(metaBackend?.spanId);

    const deniedSpan = roots.find((s) => s.attributes['mcp_gateway.outcome'] === 'denied');
    expect(deniedSpan?.status.code).toBe(2);
    expect(deniedSpan?.attributes).toMatchObject({
      'error.type': 'tool_error',
      'mcp_gateway.denied_by': 'policy',
    });
    // A call without a traceparent starts its own trace.
    expect(deniedSpan?.traceId).not.toBe(AGENT_TRACE);
    expect(
      otlp.spans.filter((s) => s.parentSpanId === deniedSpan?.spanId).map((s) => s.name),
    ).not.toContain('tools/call echo');

    // Logs: every audit record, as written, with its seq and hash.
    const records = await readAudit(dir);
    await otlp.waitFor(() => otlp.logs.length >= records.length);
    expect(otlp.logs.map((l) => l.attributes['mcp_gateway.audit.seq'])).toEqual(
      records.map((r) => r['seq']),
    );
    for (const [i, record] of records.entries()) {
      const log = otlp.logs[i];
      expect(log?.body).toEqual(record);
      expect(log?.attributes['mcp_gateway.audit.hash']).toBe(record['hash']);
      expect(log?.eventName).toBe(`mcp_gateway.audit.${String(record['type'])}`);
      expect(log?.timeMs).toBe(Date.parse(String(record['ts'])));
    }
    const callLog = otlp.logs.find(
      (l) => l.attributes['mcp_gateway.audit.type'] === 'call' && l.traceId === AGENT_TRACE,
    );
    expect(callLog?.spanId).toBe(root.spanId);
    expect(
      otlp.logs.find((l) => l.attributes['mcp_gateway.policy.decision'] === 'deny')?.severityText,
    ).toBe('WARN');

    // Metrics: the last (shutdown) export holds the totals.
    await otlp.waitFor(() => otlp.latest('mcp_gateway.tool.calls') !== undefined);
    const calls = otlp.latest('mcp_gateway.tool.calls')?.points ?? [];
    const count = (outcome: string) =>
      calls
        .filter((p) => p.attributes['mcp_gateway.outcome'] === outcome)
        .reduce((sum, p) => sum + (p.value ?? 0), 0);
    expect(count('ok')).toBe(3);
    expect(count('denied')).toBe(1);
    expect(otlp.latest('mcp_gateway.tool.denials')?.points).toEqual([
      expect.objectContaining({
        value: 1,
        attributes: expect.objectContaining({
          'mcp_gateway.denied_by': 'policy',
          'mcp_gateway.policy.rule': 'no-forbidden',
        }),
      }),
    ]);
    const findings = otlp.latest('mcp_gateway.scan.findings')?.points ?? [];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((p) => p.attributes['mcp_gateway.scan.stage'] === 'result')).toBe(true);
    const duration = otlp.latest('mcp.server.operation.duration');
    expect(duration?.unit).toBe('s');
    expect(duration?.points.reduce((sum, p) => sum + (p.count ?? 0), 0)).toBe(4);
    expect(duration?.points.every((p) => p.attributes['mcp_gateway.server'] === 'fx')).toBe(true);

    // Every export carried the configured header, protobuf-encoded.
    expect(otlp.requests.length).toBeGreaterThan(0);
    for (const request of otlp.requests) {
      expect(request.headers['x-api-key']).toBe('k-123');
      expect(request.contentType).toBe('application/x-protobuf');
    }
  });
});

describe('serve --http', () => {
  test('spans carry the Streamable HTTP session id and tcp; the agent’s trace continues', async () => {
    const otlp = await receiver();
    const { file } = await writeConfig({
      servers: { fx: FIXTURE },
      telemetry: { otlp: { endpoint: otlp.url, scheduleDelay: '100ms', metricsInterval: '1h' } },
    });
    const served = await startListening([
      BIN,
      'serve',
      '--http',
      '127.0.0.1:0',
      '--no-auth',
      '--config',
      file,
    ]);
    const transport = new StreamableHTTPClientTransport(new URL(served.url));
    const client = new Client({ name: 'otel-http', version: '1' });
    try {
      await client.connect(transport);
      const meta = await client.callTool({
        name: 'fx__meta',
        arguments: {},
        _meta: { traceparent: `00-${AGENT_TRACE}-${AGENT_SPAN}-01` },
      });
      const forwarded = JSON.parse(textOf(meta)) as Record<string, string>;
      expect(forwarded['traceparent']?.split('-')[1]).toBe(AGENT_TRACE);
      expect(transport.sessionId).toEqual(expect.any(String));
      await otlp.waitFor(() => otlp.spans.some((s) => s.kind === 2));
      const root = otlp.spans.find((s) => s.kind === 2);
      expect(root?.traceId).toBe(AGENT_TRACE);
      expect(root?.attributes).toMatchObject({
        'mcp.method.name': 'tools/call',
        'network.transport': 'tcp',
        'mcp.session.id': transport.sessionId,
      });
      expect(root?.attributes['mcp.protocol.version']).toEqual(expect.any(String));
    } finally {
      await client.close();
      await served.stop();
    }
  });
});

describe('errors, asks and backend restarts in the metrics', () => {
  test('a crashed backend counts an error and a restart; an unanswered ask counts as not approved', async () => {
    const otlp = await receiver();
    const { file } = await writeConfig({
      servers: { fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'echo,crash' } }) },
      policy: {
        default: 'allow',
        rules: [
          { id: 'ask-echo', effect: 'ask', match: 'fx/echo', args: { text: { in: ['ask'] } } },
        ],
      },
      telemetry: { otlp: { endpoint: otlp.url, scheduleDelay: '100ms', metricsInterval: '1h' } },
    });
    // Under CI there is no console: with no elicitation either, the ask is denied at once.
    const gateway = await connectGateway(['--config', file], { env: { CI: 'true' } });
    open.push(gateway);
    const crashed = await gateway.client.callTool({ name: 'fx__crash', arguments: {} });
    expect(crashed.isError).toBe(true);
    // The backend comes back: calls succeed again.
    await expect
      .poll(
        async () =>
          textOf(await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'up' } })),
        { timeout: 20_000, interval: 250 },
      )
      .toBe('echo: up');
    // A name that routes nowhere is answered before any step, with a JSON-RPC error.
    await expect(
      gateway.client.callTool({
        name: 'fx__nope',
        arguments: {},
        _meta: { traceparent: `00-${AGENT_TRACE}-${AGENT_SPAN}-01` },
      }),
    ).rejects.toThrow(/Unknown tool/);
    // This client cannot show a prompt, so nobody approves the ask.
    const asked = await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'ask' } });
    expect(asked.isError).toBe(true);
    await stop(gateway);

    await otlp.waitFor(
      () =>
        otlp.latest('mcp_gateway.backend.restarts') !== undefined &&
        otlp.spans.some((s) => s.name === 'tools/call fx__nope'),
    );
    expect(otlp.latest('mcp_gateway.backend.restarts')?.points).toEqual([
      expect.objectContaining({ value: 1, attributes: { 'mcp_gateway.server': 'fx' } }),
    ]);
    // (An echo that raced the restart may count as an error too: only the crash is asserted.)
    const errors = (otlp.latest('mcp_gateway.tool.errors')?.points ?? []).filter(
      (p) => p.attributes['gen_ai.tool.name'] === 'fx__crash',
    );
    expect(errors).toEqual([
      expect.objectContaining({
        value: 1,
        attributes: expect.objectContaining({
          'gen_ai.tool.name': 'fx__crash',
          'mcp_gateway.outcome': 'error',
        }),
      }),
    ]);
    expect(otlp.latest('mcp_gateway.tool.asks')?.points).toEqual([
      expect.objectContaining({
        value: 1,
        attributes: expect.objectContaining({
          'mcp_gateway.policy.rule': 'ask-echo',
          'mcp_gateway.policy.approved': false,
        }),
      }),
    ]);
    // The unknown tool still has its span (no children) and counts as an error.
    const nope = otlp.spans.find((s) => s.name === 'tools/call fx__nope');
    expect(nope?.traceId).toBe(AGENT_TRACE);
    expect(nope?.status.code).toBe(2);
    expect(nope?.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.tool.name': 'fx__nope',
      'error.type': '-32602',
      'mcp_gateway.error.code': 'TOOL_NOT_FOUND',
      'network.transport': 'pipe',
    });
    expect(otlp.spans.filter((s) => s.parentSpanId === nope?.spanId)).toEqual([]);
    expect(
      otlp
        .latest('mcp_gateway.tool.errors')
        ?.points.find((p) => p.attributes['gen_ai.tool.name'] === 'fx__nope'),
    ).toMatchObject({ value: 1, attributes: { 'error.type': '-32602' } });
    // The crashed call's span and its backend span end in error.
    const crashSpan = otlp.spans.find((s) => s.name === 'tools/call fx__crash');
    expect(crashSpan?.status.code).toBe(2);
    expect(
      otlp.spans.find((s) => s.name === 'tools/call crash' && s.parentSpanId === crashSpan?.spanId)
        ?.status.code,
    ).toBe(2);
  });
});

describe('flow control in the telemetry', () => {
  test('a label record is a log of the call that brought the label in; a flow denial says so', async () => {
    const otlp = await receiver();
    const { gateway, dir } = await start({
      policy: {
        default: 'allow',
        labels: { 'fx/inject': ['untrusted'], 'fx/echo': ['egress'] },
        flows: {
          rules: [{ id: 'no-egress', after: ['untrusted'], match: '@egress', effect: 'deny' }],
        },
      },
      telemetry: { otlp: { endpoint: otlp.url, scheduleDelay: '100ms', metricsInterval: '1h' } },
    });
    await gateway.client.callTool({ name: 'fx__inject', arguments: {} });
    const denied = await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'x' } });
    expect(denied.isError).toBe(true);
    await stop(gateway);

    const records = await readAudit(dir);
    const label = records.find((r) => r['type'] === 'label');
    expect(label).toMatchObject({ event: 'added', changed: ['untrusted'], tool: 'inject' });
    await otlp.waitFor(
      () =>
        otlp.logs.length >= records.length &&
        otlp.spans.filter((s) => s.kind === 2).length === 2 &&
        otlp.latest('mcp_gateway.tool.denials') !== undefined,
    );

    // The label record arrives as a log like any other, joined to the span of its call.
    const labelLog = otlp.logs.find((l) => l.attributes['mcp_gateway.audit.type'] === 'label');
    expect(labelLog?.body).toEqual(label);
    expect(labelLog?.attributes).toMatchObject({
      'mcp_gateway.audit.seq': label?.['seq'],
      'mcp_gateway.audit.hash': label?.['hash'],
      'mcp_gateway.flow.event': 'added',
      'mcp_gateway.flow.changed': ['untrusted'],
      'mcp_gateway.flow.session': label?.['session_id'],
    });
    const injectSpan = otlp.spans.find((s) => s.name === 'tools/call fx__inject');
    expect(labelLog?.spanId).toBe(injectSpan?.spanId);

    // The inject call's flow span says what its result brought into the session.
    const flowSpan = otlp.spans.find(
      (s) => s.parentSpanId === injectSpan?.spanId && s.name === 'flow',
    );
    expect(flowSpan?.attributes).toMatchObject({
      'mcp_gateway.flow.session': label?.['session_id'],
      'mcp_gateway.flow.labels': ['untrusted'],
      'mcp_gateway.flow.changed': ['untrusted'],
    });

    // The echo call is refused by the flow rule: on its span, its policy span and the metric.
    const echoSpan = otlp.spans.find((s) => s.name === 'tools/call fx__echo');
    expect(echoSpan?.attributes).toMatchObject({
      'mcp_gateway.outcome': 'denied',
      'mcp_gateway.denied_by': 'flow',
    });
    const echoChildren = otlp.spans.filter((s) => s.parentSpanId === echoSpan?.spanId);
    // Refused at the policy step: no scan, no backend, no flow span; the outer audit step
    // writes its records.
    expect(echoChildren.map((s) => s.name).sort()).toEqual(['audit', 'policy']);
    expect(echoChildren.find((s) => s.name === 'policy')?.attributes).toMatchObject({
      'mcp_gateway.policy.rule': 'flow:no-egress',
      'mcp_gateway.flow.labels': ['untrusted'],
      'mcp_gateway.flow.tool_labels': ['egress'],
      // With the built-in flow rules that also matched.
      'mcp_gateway.flow.rules': expect.arrayContaining(['flow:no-egress']),
    });
    expect(otlp.latest('mcp_gateway.tool.denials')?.points).toEqual([
      expect.objectContaining({
        value: 1,
        attributes: expect.objectContaining({
          'mcp_gateway.denied_by': 'flow',
          'mcp_gateway.policy.rule': 'flow:no-egress',
        }),
      }),
    ]);
  });
});

describe('OTLP export (http/json, configured by environment variables only)', () => {
  test('OTEL_EXPORTER_OTLP_ENDPOINT and _PROTOCOL turn it on without a telemetry section', async () => {
    const otlp = await receiver();
    const { gateway } = await start(
      {},
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        OTEL_SERVICE_NAME: 'gw-ci',
      },
    );
    await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'x' } });
    await stop(gateway);
    await otlp.waitFor(() => otlp.spans.some((s) => s.kind === 2) && otlp.logs.length > 0);
    expect(otlp.requests.every((r) => r.contentType === 'application/json')).toBe(true);
    const root = otlp.spans.find((s) => s.kind === 2);
    expect(root?.name).toBe('tools/call fx__echo');
    expect(root?.resource['service.name']).toBe('gw-ci');
    await otlp.waitFor(() => otlp.latest('mcp_gateway.tool.calls') !== undefined);
  });
});

describe('an unreachable collector', () => {
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };

  const timeCalls = async (gateway: ConnectedGateway, n: number): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const result = await gateway.client.callTool({
        name: 'fx__echo',
        arguments: { text: `c${i}` },
      });
      times.push(performance.now() - started);
      expect(textOf(result)).toBe(`echo: c${i}`);
    }
    return times;
  };

  test('calls succeed at the speed they have without telemetry; the drops are counted in the audit log and by doctor', async () => {
    const dead = await startOtlpReceiver();
    await dead.stop();
    const telemetry = {
      otlp: { endpoint: dead.url, maxQueueSize: 8, scheduleDelay: '50ms', timeout: '2s' },
    };
    const without = await start({});
    const withDead = await start({ telemetry });
    // Warm both up, then alternate the timed rounds so machine noise hits both alike.
    await timeCalls(without.gateway, 10);
    await timeCalls(withDead.gateway, 10);
    // Each gateway's best round (the lowest median of a round of 12 calls): a burst of load on
    // the shared machine slows a round or two of either, not every round of one; a call that
    // waits on the dead collector (an export, its retries, work done for it) waits in every round.
    const base: number[] = [];
    const dropping: number[] = [];
    for (let round = 0; round < 8; round++) {
      base.push(median(await timeCalls(without.gateway, 12)));
      dropping.push(median(await timeCalls(withDead.gateway, 12)));
    }
    // Generous: a slowed call would wait for an export (seconds), not a fraction of a millisecond.
    expect(Math.min(...dropping)).toBeLessThan(Math.min(...base) * 3 + 5);

    const stopped = performance.now();
    await stop(withDead.gateway);
    const exitMs = performance.now() - stopped;
    await stop(without.gateway);
    expect(exitMs).toBeLessThan(8000);
    expect(withDead.gateway.stderr()).toMatch(
      /telemetry: could not export .* to http:\/\/127\.0\.0\.1:\d+\/v1\//,
    );

    const records = await readAudit(withDead.dir);
    const reports = records.filter((r) => r['type'] === 'telemetry');
    expect(reports.length).toBeGreaterThan(0);
    const total = (key: string) =>
      reports.reduce((sum, r) => sum + ((r['dropped'] as Record<string, number>)[key] ?? 0), 0);
    // 106 calls (10 + 8 × 12) × 8 spans each, far more than a queue of 8 holds: most were dropped.
    expect(total('spans')).toBeGreaterThan(100);
    expect(total('log_records')).toBeGreaterThan(50);
    expect(reports.map((r) => String(r['detail'])).join('\n')).toMatch(/ECONNREFUSED/);
    // The chain stays valid with the telemetry records in it.
    const verify = await execa(
      process.execPath,
      [BIN, 'audit', 'verify', '--config', withDead.file],
      {
        reject: false,
      },
    );
    expect(verify.exitCode).toBe(0);

    const doctor = await execa(
      process.execPath,
      [BIN, 'doctor', '--json', '--config', withDead.file],
      {
        reject: false,
        env: { NO_COLOR: '1' },
      },
    );
    const report = JSON.parse(doctor.stdout) as {
      ok: boolean;
      telemetry?: {
        endpoints: { signal: string; ok: boolean; message: string; fix?: string }[];
        dropped?: { spans: number };
      };
    };
    expect(report.ok).toBe(false);
    expect(report.telemetry?.endpoints.map((e) => e.ok)).toEqual([false, false, false]);
    expect(report.telemetry?.endpoints[0]?.fix).toMatch(/collector/);
    expect(report.telemetry?.dropped?.spans).toBeGreaterThan(100);
  });
});

describe('the shipped bundle loads the OpenTelemetry SDK only when telemetry is configured', () => {
  /** Files of dist/bundle/ that carry OpenTelemetry code (the exporter's user agent, the SDK's batching). */
  const otelChunks = async (): Promise<string[]> => {
    const dir = path.join(ROOT, 'dist', 'bundle');
    const out: string[] = [];
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.js')) continue;
      const text = await readFile(path.join(dir, name), 'utf8');
      if (text.includes('OTel-OTLP-Exporter-JavaScript') || text.includes('maxExportBatchSize'))
        out.push(name);
    }
    return out;
  };

  /** The bundle files a gateway process loaded while serving one call (NODE_DEBUG=esm). */
  const loadedFiles = async (extra: Record<string, unknown>): Promise<string[]> => {
    const { gateway } = await start(extra, { NODE_DEBUG: 'esm' });
    await gateway.client.callTool({ name: 'fx__echo', arguments: { text: 'x' } });
    await stop(gateway);
    return [...gateway.stderr().matchAll(/dist\/bundle\/([\w.-]+\.js)/g)].map((m) => m[1] ?? '');
  };

  test('a gateway without telemetry never loads a chunk with OpenTelemetry code', async () => {
    const chunks = await otelChunks();
    expect(chunks.length).toBeGreaterThan(0);
    const loaded = await loadedFiles({});
    expect(loaded).toContain('main.js');
    expect(loaded.filter((file) => chunks.includes(file))).toEqual([]);
    const otlp = await receiver();
    const withTelemetry = await loadedFiles({ telemetry: { otlp: { endpoint: otlp.url } } });
    expect(withTelemetry.filter((file) => chunks.includes(file)).length).toBeGreaterThan(0);
  });
});
