import { describe, expect, test } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import { compose } from './compose.js';
import type { Middleware } from './tool-call.js';

/** A step that logs its way in and out. */
const logging =
  (name: string, log: string[]): Middleware =>
  async (_ctx, next) => {
    log.push(`${name}:in`);
    const outcome = await next();
    log.push(`${name}:out`);
    return outcome;
  };

describe('compose', () => {
  test('runs the steps in order around the terminal, and unwinds in reverse', async () => {
    const log: string[] = [];
    const handler = compose([logging('a', log), logging('b', log)], (ctx) => {
      log.push(`terminal:${ctx.tool}`);
      return Promise.resolve(okText('x'));
    });
    await handler(callContext());
    expect(log).toEqual(['a:in', 'b:in', 'terminal:read_file', 'b:out', 'a:out']);
  });

  test('with no steps the terminal is the handler', async () => {
    const { forward, calls } = fakeForward();
    expect(compose([], forward)).toBe(forward);
    await compose([], forward)(callContext());
    expect(calls).toHaveLength(1);
  });

  test('a step that returns without next() stops the call before the terminal', async () => {
    const { forward, calls } = fakeForward();
    const stop: Middleware = () => Promise.resolve(okText('stopped'));
    const outcome = await compose([stop], forward)(callContext());
    expect(outcome).toEqual(okText('stopped'));
    expect(calls).toEqual([]);
  });

  test('a step may replace the outcome that came back from next()', async () => {
    const wrap: Middleware = async (_ctx, next) => {
      const outcome = await next();
      return outcome.kind === 'ok' ? okText('replaced') : outcome;
    };
    const outcome = await compose([wrap], fakeForward().forward)(callContext());
    expect(outcome).toEqual(okText('replaced'));
  });

  test('calling next() twice rejects, and the terminal runs once', async () => {
    const { forward, calls } = fakeForward();
    const twice: Middleware = async (_ctx, next) => {
      await next();
      return next();
    };
    await expect(compose([twice], forward)(callContext())).rejects.toThrow(
      'next() called multiple times',
    );
    expect(calls).toHaveLength(1);
  });

  test('each call gets its own chain: concurrent calls do not share the next() guard', async () => {
    const log: string[] = [];
    const handler = compose([logging('a', log)], fakeForward().forward);
    await Promise.all([handler(callContext()), handler(callContext())]);
    expect(log.filter((l) => l === 'a:out')).toHaveLength(2);
  });
});
