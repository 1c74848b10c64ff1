import { describe, expect, test } from 'vitest';
import { MemoryAuditSink, type AuditSink } from '../core/audit/audit-sink.js';
import type { AuditRecordInput } from '../core/audit/audit-record.js';
import type { Receipt, ToolCallOutcome } from '../core/tool-call.js';
import { GatewayError } from '../core/errors.js';
import {
  recordUnroutedCall,
  UNKNOWN_TOOL_RULE,
  type RecordUnroutedOptions,
  type UnroutedCall,
} from './record-unrouted-call.js';

const unknownTool = (overrides: Partial<UnroutedCall> = {}): UnroutedCall => ({
  id: 'call-7',
  exposed: 'ghost__vanish',
  server: undefined,
  args: { path: '/tmp/x', token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
  session: { agent: 'ci', client: { name: 'test-agent', version: '1' } },
  ...overrides,
});

const failed: ToolCallOutcome = {
  kind: 'failed',
  error: new GatewayError('TOOL_NOT_FOUND', 'Unknown tool ghost__vanish'),
};

const options = (sink: AuditSink): RecordUnroutedOptions => ({
  sink,
  // Stands in for the secret scanner: flags the token-looking string.
  findSecrets: (text) => {
    const at = text.indexOf('ghp_');
    return at === -1 ? [] : [{ start: at, end: text.length, kind: 'github-token' }];
  },
  policy: () => ({ digest: 'sha256:policy', mode: 'enforce' }),
});

/** A sink whose records reach the file only when `flush` runs, like the JSONL log in batch mode. */
class PendingSink implements AuditSink {
  readonly memory = new MemoryAuditSink();
  readonly healthy = true;
  flushed = false;
  private release: (() => void) | undefined;
  append(record: AuditRecordInput): Receipt {
    return this.memory.append(record);
  }
  appendDurable(record: AuditRecordInput): Promise<Receipt> {
    return this.memory.appendDurable(record);
  }
  written(): Promise<void> {
    return new Promise((resolve) => {
      this.release = () => {
        this.flushed = true;
        resolve();
      };
    });
  }
  flush(): void {
    this.release?.();
  }
}

describe('recordUnroutedCall', () => {
  test('an unknown tool gets a call record with a null tool and the unknown-tool decision, then its result', async () => {
    const sink = new MemoryAuditSink();
    const outcome = await recordUnroutedCall(options(sink))(unknownTool(), failed, 1.23456);
    expect(sink.records).toMatchObject([
      {
        type: 'call',
        call: { id: 'call-7' },
        tool: null,
        server: null,
        exposed: 'ghost__vanish',
        def_hash: null,
        session: { agent: 'ci', client: { name: 'test-agent', version: '1' } },
        decision: {
          deciding: UNKNOWN_TOOL_RULE,
          effect: 'deny',
          final: 'deny',
          mode: 'enforce',
          policy: 'sha256:policy',
          rules: [],
        },
      },
      { type: 'result', call: { id: 'call-7' }, outcome: { ms: 1.235 } },
    ]);
    // The receipt is the result record's: the last one the call wrote.
    expect(outcome).toEqual({ ...failed, receipt: { seq: 1, hash: 'memory:1' } satisfies Receipt });
  });

  test('a down backend is named as the call record server', async () => {
    const sink = new MemoryAuditSink();
    await recordUnroutedCall(options(sink))(unknownTool({ server: 'ghost' }), failed, 0);
    expect(sink.records[0]).toMatchObject({ server: 'ghost', tool: null });
  });

  test('secrets in the arguments are redacted in the record and their paths listed', async () => {
    const sink = new MemoryAuditSink();
    await recordUnroutedCall(options(sink))(unknownTool(), failed, 0);
    const call = sink.records[0] as Extract<AuditRecordInput, { type: 'call' }>;
    expect(JSON.stringify(call.args)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz');
    expect(call.args).toMatchObject({ path: '/tmp/x' });
    expect(call.redacted).toEqual(['args.token']);
  });

  test('the policy in audit mode is what the decision records', async () => {
    const sink = new MemoryAuditSink();
    await recordUnroutedCall({
      ...options(sink),
      policy: () => ({ digest: 'sha256:other', mode: 'audit' }),
    })(unknownTool(), failed, 0);
    expect(sink.records[0]).toMatchObject({
      decision: { mode: 'audit', policy: 'sha256:other' },
    });
  });

  test('the outcome is returned only once both records are in the file', async () => {
    const sink = new PendingSink();
    let settled = false;
    const pending = recordUnroutedCall(options(sink))(unknownTool(), failed, 0).then((outcome) => {
      settled = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sink.memory.records).toHaveLength(2);
    expect(settled).toBe(false);
    sink.flush();
    await pending;
    expect(sink.flushed && settled).toBe(true);
  });
});
