import { describe, expect, test } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import { GatewayError } from '../core/errors.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { fitResult, type FitResultOptions, type KeptText } from './fit-result.js';

/** Options whose `keep` remembers what it was given and answers `kept`. */
const options = (
  limit: FitResultOptions['limitFor'],
  kept: KeptText = { uri: 'mcp-gateway://results/r1' },
) => {
  const keptTexts: { ctx: ToolCallContext; text: string; bytes: number }[] = [];
  const fit: FitResultOptions = {
    limitFor: limit,
    keep: (ctx, text, bytes) => {
      keptTexts.push({ ctx, text, bytes });
      return Promise.resolve(kept);
    },
  };
  return { fit, keptTexts };
};

const textOf = (outcome: ToolCallOutcome): string[] =>
  outcome.kind === 'ok'
    ? outcome.result.content.map((item) => (item.type === 'text' ? item.text : `<${item.type}>`))
    : [];

describe('fitResult', () => {
  test('a session without a limit gets the outcome forward returned, untouched and unkept', async () => {
    const { fit, keptTexts } = options(() => undefined);
    const outcome = okText('x'.repeat(10_000));
    const ctx = callContext();
    const result = await fitResult(fit)(ctx, () => fakeForward(outcome).forward(ctx));
    expect(result).toBe(outcome);
    expect(keptTexts).toEqual([]);
    expect(ctx.trace.cut).toBeUndefined();
  });

  test('a result within the limit passes whole', async () => {
    const { fit, keptTexts } = options(() => ({ bytes: 4096, client: 'Tiny Client' }));
    const outcome = okText('short');
    const ctx = callContext();
    expect(await fitResult(fit)(ctx, () => Promise.resolve(outcome))).toBe(outcome);
    expect(keptTexts).toEqual([]);
  });

  test('a result over the limit is cut, kept whole, and ends with a note naming client, sizes and resource', async () => {
    const { fit, keptTexts } = options(() => ({ bytes: 1000, client: 'Tiny Client' }));
    const long = 'line of output\n'.repeat(200);
    const outcome = okText(long);
    const ctx = callContext();
    const result = await fitResult(fit)(ctx, () => Promise.resolve(outcome));
    const [shown, note] = textOf(result);
    expect(long.startsWith(shown ?? '')).toBe(true);
    expect(Buffer.byteLength(`${shown}${note}`)).toBeLessThanOrEqual(1000);
    expect(note).toContain("Tiny Client's limit of 1,000 bytes");
    expect(note).toContain('mcp-gateway://results/r1');
    expect(keptTexts).toEqual([{ ctx, text: long, bytes: long.length }]);
    expect(ctx.trace.cut).toEqual({
      full: outcome.kind === 'ok' ? outcome.result : undefined,
      shownBytes: Buffer.byteLength(shown ?? ''),
      totalBytes: long.length,
      uri: 'mcp-gateway://results/r1',
    });
  });

  test('when the text cannot be kept the note says why and the trace has no uri', async () => {
    const { fit } = options(() => ({ bytes: 900, client: 'Tiny Client' }), {
      reason: 'the session keeps too much already',
    });
    const ctx = callContext();
    const result = await fitResult(fit)(ctx, () => Promise.resolve(okText('y'.repeat(5000))));
    expect(textOf(result)[1]).toContain('could not be kept (the session keeps too much already)');
    expect(ctx.trace.cut?.uri).toBeUndefined();
  });

  test('outcomes other than ok pass through uncut', async () => {
    const { fit, keptTexts } = options(() => ({ bytes: 800, client: 'Tiny Client' }));
    const failed: ToolCallOutcome = {
      kind: 'failed',
      error: new GatewayError('BACKEND_UNAVAILABLE', 'x'.repeat(5000)),
    };
    const ctx = callContext();
    expect(await fitResult(fit)(ctx, () => Promise.resolve(failed))).toBe(failed);
    expect(keptTexts).toEqual([]);
  });

  test('images and structured content pass whole when the text is cut', async () => {
    const { fit } = options(() => ({ bytes: 900, client: 'Tiny Client' }));
    const outcome: ToolCallOutcome = {
      kind: 'ok',
      result: {
        content: [
          { type: 'text', text: 'z'.repeat(3000) },
          { type: 'image', data: 'aGk=', mimeType: 'image/png' },
        ],
        structuredContent: { rows: 3 },
      },
    };
    const result = await fitResult(fit)(callContext(), () => Promise.resolve(outcome));
    expect(textOf(result)).toEqual([expect.any(String), '<image>', expect.any(String)]);
    expect(result.kind === 'ok' && result.result.structuredContent).toEqual({ rows: 3 });
  });
});
