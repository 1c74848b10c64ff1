import { describe, expect, test } from 'vitest';
import { GatewayError } from '../errors.js';
import type { PolicyDecision } from '../policy/decision.js';
import type { Finding } from '../scanner/finding.js';
import type { ToolCallContext, ToolCallOutcome } from '../tool-call.js';
import {
  backendSpanAttributes,
  callMeasurements,
  callSpanAttributes,
  callSpanName,
  flowStepAttributes,
  policyAttributes,
  summarizeOutcome,
} from './call-attributes.js';
import { FlowSession } from '../flows/flow-session.js';
import { SENSITIVE, UNTRUSTED } from '../flows/flow-label.js';

const finding = (rule: string, field = 'args.text'): Finding => ({
  rule,
  severity: 'high',
  field,
  span: [0, 3],
  message: 'm',
});

const decision = (overrides: Partial<PolicyDecision> = {}): PolicyDecision => ({
  effect: 'allow',
  final: 'allow',
  decidingRule: 'default',
  rules: [],
  mode: 'enforce',
  policy: 'sha256:p',
  reason: 'r',
  ...overrides,
});

const context = (overrides: Partial<ToolCallContext> = {}): ToolCallContext => {
  const args = {};
  return {
    id: 'abc-1',
    server: 'github',
    tool: 'create_issue',
    exposed: 'github__create_issue',
    args,
    meta: undefined,
    definition: undefined,
    session: { agent: undefined, client: undefined },
    signal: undefined,
    onProgress: undefined,
    trace: { decision: undefined, argumentFindings: [], callRecorded: false, args },
    ...overrides,
  };
};

describe('span attributes after the MCP semantic conventions', () => {
  test('the call span is named and attributed by the name the agent used', () => {
    const ctx = context({
      origin: { requestId: 7, sessionId: 's-1', protocolVersion: '2025-06-18', transport: 'stdio' },
    });
    expect(callSpanName(ctx)).toBe('tools/call github__create_issue');
    expect(callSpanAttributes(ctx)).toEqual({
      'mcp.method.name': 'tools/call',
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'github__create_issue',
      'jsonrpc.request.id': '7',
      'mcp.session.id': 's-1',
      'mcp.protocol.version': '2025-06-18',
      'network.transport': 'pipe',
      'mcp_gateway.server': 'github',
      'mcp_gateway.tool': 'create_issue',
      'mcp_gateway.call.id': 'abc-1',
    });
  });

  test('the backend span names the backend’s own tool and where the backend is', () => {
    expect(
      backendSpanAttributes(context(), { kind: 'remote', url: 'https://mcp.example.com/mcp' }),
    ).toMatchObject({
      'gen_ai.tool.name': 'create_issue',
      'network.transport': 'tcp',
      'server.address': 'mcp.example.com',
      'server.port': 443,
    });
    expect(backendSpanAttributes(context(), { kind: 'stdio' })).toMatchObject({
      'network.transport': 'pipe',
    });
  });
});

describe('outcomes: error.type is tool_error for an isError result, the JSON-RPC code otherwise', () => {
  test.each<[string, ToolCallOutcome, Record<string, unknown>]>([
    ['ok', { kind: 'ok', result: { content: [] } }, { 'mcp_gateway.outcome': 'ok' }],
    [
      'a tool error',
      { kind: 'ok', result: { content: [], isError: true } },
      { 'error.type': 'tool_error', 'mcp_gateway.outcome': 'tool_error' },
    ],
    [
      'a denial (the agent gets an isError result)',
      {
        kind: 'denied',
        decision: decision({ effect: 'deny', final: 'deny', decidingRule: 'no-rm' }),
      },
      {
        'error.type': 'tool_error',
        'mcp_gateway.outcome': 'denied',
        'mcp_gateway.denied_by': 'policy',
      },
    ],
    [
      'a rate limit',
      { kind: 'denied', decision: decision({ final: 'deny', decidingRule: 'limit:burst' }) },
      { 'mcp_gateway.denied_by': 'limit' },
    ],
    [
      'a flow rule',
      {
        kind: 'denied',
        decision: decision({ effect: 'deny', final: 'deny', decidingRule: 'flow:no-exfil' }),
      },
      { 'mcp_gateway.outcome': 'denied', 'mcp_gateway.denied_by': 'flow' },
    ],
    [
      'a timeout',
      { kind: 'failed', error: new GatewayError('CALL_TIMEOUT', 'took too long') },
      {
        'error.type': 'tool_error',
        'mcp_gateway.outcome': 'timeout',
        'mcp_gateway.error.code': 'CALL_TIMEOUT',
      },
    ],
    [
      "a backend's JSON-RPC error",
      {
        kind: 'failed',
        error: new GatewayError('BACKEND_ERROR', 'bad', { details: { rpcCode: -32001 } }),
      },
      { 'error.type': '-32001', 'rpc.response.status_code': '-32001' },
    ],
    [
      'an unknown tool',
      { kind: 'failed', error: new GatewayError('TOOL_NOT_FOUND', 'no') },
      { 'error.type': '-32602' },
    ],
  ])('%s', (_name, outcome, expected) => {
    expect(summarizeOutcome(outcome).attributes).toMatchObject(expected);
  });

  test('the receipt goes on the span so a trace leads to its audit record', () => {
    const summary = summarizeOutcome({
      kind: 'ok',
      result: { content: [] },
      receipt: { seq: 42, hash: 'sha256:ab' },
    });
    expect(summary.attributes).toMatchObject({
      'mcp_gateway.audit.seq': 42,
      'mcp_gateway.audit.hash': 'sha256:ab',
    });
  });
});

describe('metrics of one call', () => {
  test('a denial counts as a denial, not as an error', () => {
    const measured = callMeasurements(context(), {
      kind: 'denied',
      decision: decision({ effect: 'deny', final: 'deny', decidingRule: 'no-rm' }),
    });
    expect(measured.call).toMatchObject({ 'mcp_gateway.outcome': 'denied' });
    expect(measured.error).toBeUndefined();
    expect(measured.denial).toMatchObject({
      'mcp_gateway.denied_by': 'policy',
      'mcp_gateway.policy.rule': 'no-rm',
    });
  });

  test('an ask is counted with whether it was approved', () => {
    const ctx = context();
    ctx.trace.decision = decision({ effect: 'ask', final: 'allow', decidingRule: 'ask-writes' });
    const measured = callMeasurements(ctx, { kind: 'ok', result: { content: [] } });
    expect(measured.ask).toMatchObject({
      'mcp_gateway.policy.rule': 'ask-writes',
      'mcp_gateway.policy.approved': true,
    });
  });

  test('findings are counted once each, by rule and stage, also when they blocked the call', () => {
    const ctx = context();
    ctx.trace.argumentFindings = [finding('secret.github-token')];
    const onArguments = callMeasurements(ctx, {
      kind: 'blocked',
      stage: 'arguments',
      findings: ctx.trace.argumentFindings,
    });
    expect(onArguments.findings).toEqual([
      {
        'mcp_gateway.server': 'github',
        'mcp_gateway.finding.rule': 'secret.github-token',
        'mcp_gateway.finding.severity': 'high',
        'mcp_gateway.scan.stage': 'arguments',
      },
    ]);
    const onResult = callMeasurements(context(), {
      kind: 'ok',
      result: { content: [] },
      findings: [finding('directive.override', 'result.content[0].text')],
    });
    expect(onResult.findings.map((f) => f['mcp_gateway.scan.stage'])).toEqual(['result']);
  });

  test('the duration carries error.type only when the call failed', () => {
    expect(
      callMeasurements(context(), { kind: 'ok', result: { content: [] } }).duration,
    ).not.toHaveProperty('error.type');
    expect(
      callMeasurements(context(), { kind: 'ok', result: { content: [], isError: true } }).duration,
    ).toMatchObject({ 'error.type': 'tool_error', 'mcp_gateway.server': 'github' });
  });
});

describe('flow control on spans', () => {
  test('the policy span says what the flow rules saw when one matched', () => {
    const attributes = policyAttributes(
      decision({
        effect: 'deny',
        final: 'deny',
        decidingRule: 'flow:no-exfil',
        rules: ['flow:no-exfil'],
        flow: {
          session: 's-1',
          labels: ['untrusted'],
          tool: ['egress'],
          rules: ['flow:no-exfil'],
          sources: [{ label: 'untrusted', call: 'c-1', seq: 4, tool: 'web/fetch' }],
          carried: { kind: 'secret', source: null },
        },
      }),
    );
    expect(attributes).toMatchObject({
      'mcp_gateway.policy.rule': 'flow:no-exfil',
      'mcp_gateway.flow.session': 's-1',
      'mcp_gateway.flow.labels': ['untrusted'],
      'mcp_gateway.flow.tool_labels': ['egress'],
      'mcp_gateway.flow.rules': ['flow:no-exfil'],
      'mcp_gateway.flow.carried': 'secret',
    });
    expect(policyAttributes(decision())).not.toHaveProperty('mcp_gateway.flow.session');
  });

  test('the flow span names the session, its labels, and only the labels this result added', () => {
    const session = new FlowSession('s-2');
    const source = { callId: 'c', server: 'web', tool: 'fetch', receipt: undefined };
    session.takeIn(SENSITIVE, source);
    const before = session.labels;
    session.takeIn(UNTRUSTED, source);
    expect(flowStepAttributes(context({ flow: session }), before)).toEqual({
      'mcp_gateway.flow.session': 's-2',
      'mcp_gateway.flow.labels': ['untrusted', 'sensitive'],
      'mcp_gateway.flow.changed': ['untrusted'],
    });
    expect(flowStepAttributes(context({ flow: session }), session.labels)).not.toHaveProperty(
      'mcp_gateway.flow.changed',
    );
    expect(flowStepAttributes(context(), 0)).toEqual({});
  });
});
