import { describe, expect, test } from 'vitest';
import type { AuditRecord } from '../audit/audit-record.js';
import { toAuditLogRecord } from './audit-log-record.js';

const envelope = {
  v: 1,
  seq: 12,
  ts: '2026-01-02T03:04:05.678Z',
  prev: 'sha256:p',
  hash: 'sha256:h',
} as const;

describe('audit records as OpenTelemetry log records', () => {
  test('the body is the record as written, with its place in the chain as attributes', () => {
    const record: AuditRecord = {
      ...envelope,
      type: 'call',
      call: { id: 'c-1' },
      server: 'fs',
      tool: 'write_file',
      exposed: 'fs__write_file',
      args: { path: '/tmp/x', token: '[REDACTED:key]' },
      redacted: ['args.token'],
      def_hash: null,
      decision: {
        effect: 'deny',
        final: 'deny',
        rules: ['no-writes'],
        deciding: 'no-writes',
        mode: 'enforce',
        policy: 'sha256:x',
      },
      session: { agent: null, client: null },
    };
    const log = toAuditLogRecord(record);
    expect(log.body).toBe(record);
    expect(log.eventName).toBe('mcp_gateway.audit.call');
    expect(log.timeMs).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    expect(log.severityText).toBe('WARN');
    expect(log.callId).toBe('c-1');
    expect(log.attributes).toEqual({
      'mcp_gateway.audit.type': 'call',
      'mcp_gateway.audit.seq': 12,
      'mcp_gateway.audit.hash': 'sha256:h',
      'mcp_gateway.call.id': 'c-1',
      'mcp_gateway.server': 'fs',
      'mcp_gateway.tool': 'write_file',
      'gen_ai.tool.name': 'fs__write_file',
      'mcp_gateway.policy.decision': 'deny',
    });
  });

  test("a label record names its call, so it joins the call's span, and the session's labels", () => {
    const record: AuditRecord = {
      ...envelope,
      type: 'label',
      session_id: 'a1b2c3d4-1',
      call: { id: 'c-2' },
      server: 'web',
      tool: 'fetch',
      event: 'added',
      changed: ['untrusted'],
      labels: ['untrusted', 'sensitive'],
      cause: 'tool',
    };
    const log = toAuditLogRecord(record);
    expect(log.body).toBe(record);
    expect(log.eventName).toBe('mcp_gateway.audit.label');
    expect(log.callId).toBe('c-2');
    expect(log.severityText).toBe('INFO');
    expect(log.attributes).toEqual({
      'mcp_gateway.audit.type': 'label',
      'mcp_gateway.audit.seq': 12,
      'mcp_gateway.audit.hash': 'sha256:h',
      'mcp_gateway.call.id': 'c-2',
      'mcp_gateway.server': 'web',
      'mcp_gateway.tool': 'fetch',
      'mcp_gateway.flow.session': 'a1b2c3d4-1',
      'mcp_gateway.flow.event': 'added',
      'mcp_gateway.flow.changed': ['untrusted'],
      'mcp_gateway.flow.labels': ['untrusted', 'sensitive'],
      'mcp_gateway.flow.cause': 'tool',
    });
  });

  test.each<[string, AuditRecord, string]>([
    [
      'labels a human cleared',
      {
        ...envelope,
        type: 'label',
        session_id: 's',
        call: { id: 'c' },
        server: 'mail',
        tool: 'send',
        event: 'cleared',
        changed: ['untrusted'],
        labels: [],
        cause: 'approval',
        rules: ['flow:no-exfil'],
      },
      'WARN',
    ],
    [
      'an ok result',
      {
        ...envelope,
        type: 'result',
        call: { id: 'c' },
        outcome: { status: 'ok', ms: 1 },
        findings: [],
      },
      'INFO',
    ],
    [
      'a timeout',
      {
        ...envelope,
        type: 'result',
        call: { id: 'c' },
        outcome: { status: 'timeout', ms: 1 },
        findings: [],
      },
      'ERROR',
    ],
    [
      'a backend restart',
      { ...envelope, type: 'backend', server: 's', event: 'restart', detail: 'pid 3' },
      'WARN',
    ],
    [
      'dropped telemetry',
      {
        ...envelope,
        type: 'telemetry',
        event: 'dropped',
        dropped: { spans: 1, log_records: 0, metric_exports: 0 },
        detail: 'd',
      },
      'WARN',
    ],
    [
      'a checkpoint',
      {
        ...envelope,
        type: 'checkpoint',
        covers: { seq: 11, hash: 'h' },
        file: 'a',
        key_id: 'k',
        signature: 's',
      },
      'INFO',
    ],
  ])('%s is %s', (_name, record, severity) => {
    expect(toAuditLogRecord(record).severityText).toBe(severity);
  });
});
