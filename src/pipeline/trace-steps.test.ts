import { describe, expect, test } from 'vitest';
import type { CallTelemetry } from '../core/telemetry/call-telemetry.js';
import type { Handler, Middleware, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { createPipeline } from './create-pipeline.js';

const context = (meta?: Record<string, unknown>): ToolCallContext => {
  const args = { text: 'hi' };
  return {
    id: 'call-1',
    server: 'fx',
    tool: 'echo',
    exposed: 'fx__echo',
    args,
    meta,
    definition: undefined,
    session: { agent: undefined, client: undefined },
    signal: undefined,
    onProgress: undefined,
    trace: { decision: undefined, argumentFindings: [], callRecorded: false, args },
  };
};

const ok: ToolCallOutcome = { kind: 'ok', result: { content: [{ type: 'text', text: 'done' }] } };

/** A step that logs when its own work runs, around next(). */
const step =
  (name: string, log: string[], answer?: ToolCallOutcome): Middleware =>
  async (_ctx, next) => {
    log.push(`${name}:before`);
    if (answer !== undefined) return answer;
    const outcome = await next();
    log.push(`${name}:after`);
    return outcome;
  };

/** A telemetry port that writes what it is told into the same log. */
const recordingTelemetry = (log: string[]): CallTelemetry => ({
  unrouted: (call) => {
    log.push(`unrouted ${call.name}`);
  },
  begin: (ctx) => {
    log.push(`begin ${ctx.exposed}`);
    return {
      step: (name) => {
        log.push(`span ${name} start`);
        return {
          end: (_ctx, outcome) => {
            log.push(`span ${name} end${outcome === undefined ? '' : ` (${outcome.kind})`}`);
          },
        };
      },
      forward: (ctx) => {
        log.push('span backend start');
        return {
          meta: { ...ctx.meta, traceparent: 'from-backend-span' },
          end: (outcome) => {
            log.push(`span backend end (${outcome?.kind ?? 'threw'})`);
          },
        };
      },
      end: (_ctx, outcome) => {
        log.push(`end (${outcome?.kind ?? 'threw'})`);
      },
    };
  },
});

const pipelineWith = (log: string[], options: { deny?: boolean; telemetry?: boolean } = {}) => {
  const forwarded: ToolCallContext[] = [];
  const forward: Handler = (ctx) => {
    forwarded.push(ctx);
    log.push('backend');
    return Promise.resolve(ok);
  };
  const denied: ToolCallOutcome = {
    kind: 'denied',
    decision: {
      effect: 'deny',
      final: 'deny',
      decidingRule: 'no',
      rules: ['no'],
      mode: 'enforce',
      policy: 'sha256:x',
      reason: 'no',
    },
  };
  const handle = createPipeline({
    forward,
    steps: {
      audit: step('audit', log),
      policy: step('policy', log, options.deny === true ? denied : undefined),
      flows: step('flows', log),
      scanArguments: step('scanArguments', log),
      scanResult: step('scanResult', log),
      recordCall: step('recordCall', log),
    },
    ...(options.telemetry === false ? {} : { telemetry: recordingTelemetry(log) }),
  });
  return { handle, forwarded };
};

describe('tracing the pipeline', () => {
  test('each step gets a span around its own work, and the backend one around the forward', async () => {
    const log: string[] = [];
    const { handle } = pipelineWith(log);
    await handle(context());
    expect(log).toEqual([
      'begin fx__echo',
      'audit:before',
      'span policy start',
      'policy:before',
      'span policy end',
      'flows:before',
      'span scan start',
      'scanArguments:before',
      'span scan end',
      'scanResult:before',
      'span audit start',
      'recordCall:before',
      'span audit end',
      'span backend start',
      'backend',
      'span backend end (ok)',
      'recordCall:after',
      'span scan start',
      'scanResult:after',
      'span scan end (ok)',
      'scanArguments:after',
      'span flow start',
      'flows:after',
      'span flow end (ok)',
      'policy:after',
      'span audit start',
      'audit:after',
      'span audit end (ok)',
      'end (ok)',
    ]);
  });

  test("the backend receives the backend span's trace context in _meta, other keys kept", async () => {
    const log: string[] = [];
    const { handle, forwarded } = pipelineWith(log);
    const ctx = context({ progressToken: 7, traceparent: 'from-agent' });
    await handle(ctx);
    expect(forwarded[0]?.meta).toEqual({ progressToken: 7, traceparent: 'from-backend-span' });
    // The same trace object: the audit steps still see what the backend step learned.
    expect(forwarded[0]?.trace).toBe(ctx.trace);
  });

  test("a denied call ends the policy span with the denial and never opens the backend's", async () => {
    const log: string[] = [];
    const { handle, forwarded } = pipelineWith(log, { deny: true });
    await handle(context());
    expect(forwarded).toEqual([]);
    expect(log).toContain('span policy end (denied)');
    expect(log).not.toContain('span backend start');
    // The flow step never ran: no span claims it did.
    expect(log).not.toContain('span flow start');
    expect(log.at(-1)).toBe('end (denied)');
  });

  test('without telemetry the steps run unwrapped and the backend gets the agent’s _meta as it was', async () => {
    const log: string[] = [];
    const { handle, forwarded } = pipelineWith(log, { telemetry: false });
    const ctx = context({ traceparent: 'from-agent' });
    await handle(ctx);
    expect(log.filter((line) => line.startsWith('span') || line.startsWith('begin'))).toEqual([]);
    expect(forwarded[0]).toBe(ctx);
  });

  test('a step that throws still ends its span and the call', async () => {
    const log: string[] = [];
    const handle = createPipeline({
      forward: () => Promise.reject(new Error('boom')),
      steps: { policy: step('policy', log) },
      telemetry: recordingTelemetry(log),
    });
    await expect(handle(context())).rejects.toThrow('boom');
    expect(log).toEqual([
      'begin fx__echo',
      'span policy start',
      'policy:before',
      'span policy end',
      'span backend start',
      'span backend end (threw)',
      'end (threw)',
    ]);
  });
});
