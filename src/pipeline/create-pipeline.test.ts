import { describe, expect, test } from 'vitest';
import { callContext, fakeForward } from '../../test/helpers/call-context.js';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import { compilePolicy, createRateLimiter } from '../core/policy/index.js';
import type { Middleware } from '../core/tool-call.js';
import { createPipeline, type PipelineDeps } from './create-pipeline.js';
import { enforcePolicy } from './enforce-policy.js';
import { recordAudit, recordCall, type RecordAuditOptions } from './record-audit.js';

type StepName = keyof PipelineDeps['steps'];
/** Every step, in THE order (create-pipeline.ts says why). */
const STEPS: readonly StepName[] = [
  'audit',
  'fitResult',
  'review',
  'policy',
  'flows',
  'scanArguments',
  'scanResult',
  'recordCall',
];

const logging =
  (name: string, log: string[]): Middleware =>
  async (_ctx, next) => {
    log.push(`${name}:in`);
    const outcome = await next();
    log.push(`${name}:out`);
    return outcome;
  };

const auditOptions = (sink: MemoryAuditSink): RecordAuditOptions => ({
  sink,
  durability: 'batch',
  results: 'hash',
  findSecrets: () => [],
  digest: () => ({ bytes: 0, sha256: 'sha256:test', json: '{}' }),
  defHash: () => undefined,
  failClosed: () => true,
  now: () => 0,
});

const denyAll = compilePolicy(
  { default: 'deny', rules: [] },
  { home: '/home/me', cwd: '/work', protectedPaths: [], digest: 'sha256:deny-all' },
).policy;

describe('createPipeline', () => {
  test('runs audit, fit, review, policy, flows, argument scan, result scan, call record, then forwards', async () => {
    const log: string[] = [];
    const { forward } = fakeForward();
    const steps = Object.fromEntries(STEPS.map((name) => [name, logging(name, log)]));
    const handle = createPipeline({
      forward: (ctx) => {
        log.push('forward');
        return forward(ctx);
      },
      steps,
    });
    await handle(callContext());
    expect(log).toEqual([
      ...STEPS.map((s) => `${s}:in`),
      'forward',
      ...[...STEPS].reverse().map((s) => `${s}:out`),
    ]);
  });

  test('a step left out is skipped, the others keep their order', async () => {
    const log: string[] = [];
    const handle = createPipeline({
      forward: fakeForward().forward,
      steps: { audit: logging('audit', log), policy: logging('policy', log) },
    });
    await handle(callContext());
    expect(log).toEqual(['audit:in', 'policy:in', 'policy:out', 'audit:out']);
  });

  test('a denied call never reaches the backend and is still audited', async () => {
    const sink = new MemoryAuditSink();
    const { forward, calls } = fakeForward();
    const audit = auditOptions(sink);
    const handle = createPipeline({
      forward,
      steps: {
        audit: recordAudit(audit),
        policy: enforcePolicy({
          policy: () => denyAll,
          limiter: () => createRateLimiter(denyAll),
          server: () => undefined,
          askHuman: () => Promise.reject(new Error('nobody is asked on deny')),
          now: () => 0,
        }),
        recordCall: recordCall(audit),
      },
    });
    const outcome = await handle(callContext({ name: 'github/create_issue' }));
    expect(outcome.kind).toBe('denied');
    expect(calls).toEqual([]);
    expect(sink.records).toMatchObject([
      { type: 'call', server: 'github', tool: 'create_issue', decision: { final: 'deny' } },
      { type: 'result', outcome: { status: 'denied' } },
    ]);
    expect(outcome.receipt).toEqual({ seq: 1, hash: 'memory:1' });
  });

  test('steps see the outcome of the steps inside them, and a step that stops skips the rest', async () => {
    const { forward, calls } = fakeForward();
    const seen: string[] = [];
    const handle = createPipeline({
      forward,
      steps: {
        audit: (_ctx, next) =>
          next().then((outcome) => {
            seen.push(`audit saw ${outcome.kind}`);
            return outcome;
          }),
        policy: (ctx) =>
          Promise.resolve({
            kind: 'denied',
            decision: {
              effect: 'deny',
              final: 'deny',
              decidingRule: 'test',
              rules: [],
              mode: 'enforce',
              policy: 'test',
              reason: `no ${ctx.tool}`,
            },
          }),
        scanArguments: () => {
          throw new Error('a denied call is never scanned');
        },
      },
    });
    const outcome = await handle(callContext());
    expect(outcome).toMatchObject({ kind: 'denied', decision: { reason: 'no read_file' } });
    expect(seen).toEqual(['audit saw denied']);
    expect(calls).toEqual([]);
  });
});
