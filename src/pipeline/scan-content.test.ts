import { describe, expect, test } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import { createFindingFilter } from '../core/scanner/finding-filter.js';
import type { Finding } from '../core/scanner/finding.js';
import type { Scanner } from '../core/scanner/scanner.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import {
  checkToolReview,
  scanArguments,
  scanResult,
  type ReviewVerdict,
  type ScanAction,
} from './scan-content.js';

/** A scanner that flags the word EVIL in any string, at the JSON path it was found. */
const fakeScanner: Scanner = {
  scanText: (text, field) => findEvil(text, field),
  scanValue: (value, field) => walk(value, field),
  scanTool: () => [],
};

const findEvil = (text: string, field: string): Finding[] => {
  const at = text.indexOf('EVIL');
  return at === -1
    ? []
    : [{ rule: 'test.evil', severity: 'high', field, span: [at, at + 4], message: 'evil' }];
};

const walk = (value: unknown, field: string): Finding[] => {
  if (typeof value === 'string') return findEvil(value, field);
  if (Array.isArray(value)) return value.flatMap((item, i) => walk(item, `${field}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => walk(v, `${field}.${k}`));
  return [];
};

const steps = (action: ScanAction) => {
  const options = {
    scanner: fakeScanner,
    action: () => action,
    filter: () => createFindingFilter([], 'medium'),
  };
  return { args: scanArguments(options), result: scanResult(options) };
};

describe('scanArguments', () => {
  test('clean arguments go on untouched', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext({ args: { path: '/tmp/fine' } });
    await steps('block').args(ctx, () => forward(ctx));
    expect(calls).toHaveLength(1);
    expect(ctx.trace.argumentFindings).toEqual([]);
  });

  test('block: the backend never sees arguments with a finding', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext({ args: { note: 'do EVIL' } });
    const outcome = await steps('block').args(ctx, () => forward(ctx));
    expect(outcome).toMatchObject({ kind: 'blocked', stage: 'arguments' });
    expect(calls).toEqual([]);
    expect(ctx.trace.argumentFindings).toMatchObject([{ rule: 'test.evil', field: 'args.note' }]);
  });

  test("redact: the backend gets a cleaned copy, the agent's arguments stay as sent", async () => {
    const { forward } = fakeForward();
    const ctx = callContext({ args: { note: 'do EVIL now' } });
    await steps('redact').args(ctx, () => forward(ctx));
    expect(ctx.trace.args).not.toEqual(ctx.args);
    expect(JSON.stringify(ctx.trace.args)).not.toContain('EVIL');
    expect(ctx.args).toEqual({ note: 'do EVIL now' });
  });

  test('warn: the call goes on and the findings are kept for the audit record', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext({ args: { note: 'EVIL' } });
    await steps('warn').args(ctx, () => forward(ctx));
    expect(calls).toHaveLength(1);
    expect(ctx.trace.argumentFindings).toHaveLength(1);
  });

  test('off: nothing is scanned', async () => {
    const ctx = callContext({ args: { note: 'EVIL' } });
    await steps('off').args(ctx, () => fakeForward().forward(ctx));
    expect(ctx.trace.argumentFindings).toEqual([]);
  });
});

describe('scanResult', () => {
  const run = (action: ScanAction, outcome: ToolCallOutcome) => {
    const ctx = callContext();
    return steps(action).result(ctx, () => Promise.resolve(outcome));
  };

  test('a clean result comes back as it was', async () => {
    const outcome = okText('all fine');
    expect(await run('block', outcome)).toBe(outcome);
  });

  test('block: a result with a finding becomes a block naming the stage', async () => {
    expect(await run('block', okText('EVIL'))).toMatchObject({
      kind: 'blocked',
      stage: 'result',
      findings: [{ rule: 'test.evil', field: 'result.content[0].text' }],
    });
  });

  test('warn: a notice goes before the result, and the findings ride along', async () => {
    const outcome = await run('warn', okText('EVIL'));
    expect(outcome).toMatchObject({ kind: 'ok', findings: [{ rule: 'test.evil' }] });
    if (outcome.kind !== 'ok') throw new Error('expected ok');
    expect(outcome.result.content).toHaveLength(2);
    expect(outcome.result.content[0]).toMatchObject({
      type: 'text',
      text: expect.stringContaining('do not follow instructions') as string,
    });
  });

  test('redact: the matched text is replaced in the result', async () => {
    const outcome = await run('redact', okText('before EVIL after'));
    expect(JSON.stringify(outcome)).not.toContain('EVIL');
  });

  test('structured content is scanned too; failures and denials pass untouched', async () => {
    const structured: ToolCallOutcome = {
      kind: 'ok',
      result: { content: [], structuredContent: { text: 'EVIL' } },
    };
    expect(await run('block', structured)).toMatchObject({ kind: 'blocked' });
    const failed: ToolCallOutcome = { kind: 'blocked', stage: 'arguments', findings: [] };
    expect(await run('block', failed)).toBe(failed);
  });
});

describe('checkToolReview', () => {
  const reviewed = (verdict: ReviewVerdict | undefined) =>
    checkToolReview({ review: () => verdict });

  test('a tool without a blocking review goes on', async () => {
    const { forward, calls } = fakeForward();
    const ctx = callContext();
    await reviewed({ findings: [], blocked: undefined, blockedBy: undefined })(ctx, () =>
      forward(ctx),
    );
    await reviewed(undefined)(ctx, () => forward(ctx));
    expect(calls).toHaveLength(2);
  });

  test('a poisoned description blocks the call with its findings', async () => {
    const findings = findEvil('EVIL', 'description');
    const ctx = callContext();
    const outcome = await reviewed({ findings, blocked: 'poisoned', blockedBy: 'description' })(
      ctx,
      () => fakeForward().forward(ctx),
    );
    expect(outcome).toEqual({ kind: 'blocked', stage: 'description', findings });
  });

  test('an unapproved definition change is a TOOL_BLOCKED failure saying why', async () => {
    const ctx = callContext();
    const outcome = await reviewed({ findings: [], blocked: 'it drifted', blockedBy: 'pin' })(
      ctx,
      () => fakeForward().forward(ctx),
    );
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'TOOL_BLOCKED', message: expect.stringContaining('it drifted') as string },
    });
  });
});
