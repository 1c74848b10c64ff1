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
  test('steps that are plain functions (no async) run in order and pass the outcome on', async () => {
    const log: string[] = [];
    const before =
      (name: string): Middleware =>
      (_ctx, next) => {
        log.push(name);
        return next();
      };
    const after =
      (name: string): Middleware =>
      (_ctx, next) =>
        next().then((outcome) => {
          log.push(`${name}:out`);
          return outcome;
        });
    const { forward, calls } = fakeForward();
    const outcome = await compose([before('a'), after('b'), before('c')], forward)(callContext());
    expect(outcome).toEqual(okText('done'));
    expect(calls).toHaveLength(1);
    expect(log).toEqual(['a', 'c', 'b:out']);
  });

  test('every step and the terminal see the one context of their call', async () => {
    const seen: string[] = [];
    const look: Middleware = async (ctx, next) => {
      seen.push(`step:${ctx.id}`);
      // next() after the call gave way to the other one: still this call's chain.
      await new Promise((resolve) => setTimeout(resolve, ctx.id === 'first' ? 5 : 0));
      return next();
    };
    const handler = compose([look, look], (ctx) => {
      seen.push(`terminal:${ctx.id}`);
      return Promise.resolve(okText(ctx.id));
    });
    const [first, second] = await Promise.all([
      handler(callContext({ id: 'first' })),
      handler(callContext({ id: 'second' })),
    ]);
    expect(first).toEqual(okText('first'));
    expect(second).toEqual(okText('second'));
    expect(seen.filter((s) => s.endsWith(':first'))).toEqual([
      'step:first',
      'step:first',
      'terminal:first',
    ]);
    expect(seen.filter((s) => s.endsWith(':second'))).toEqual([
      'step:second',
      'step:second',
      'terminal:second',
    ]);
  });

  test('next() twice in one turn, without waiting: the second rejects, the terminal runs once', async () => {
    const { forward, calls } = fakeForward();
    let second: Promise<unknown> | undefined;
    const twice: Middleware = (_ctx, next) => {
      const first = next();
      second = next();
      return first;
    };
    await expect(compose([twice], forward)(callContext())).resolves.toEqual(okText('done'));
    await expect(second).rejects.toThrow('next() called multiple times');
    expect(calls).toHaveLength(1);
  });

  test('a step that throws: the throw leaves next() of the step around it, and the chain', () => {
    const { forward, calls } = fakeForward();
    const log: string[] = [];
    const outer: Middleware = (_ctx, next) => {
      try {
        return next();
      } catch (error) {
        log.push(`outer saw ${(error as Error).message}`);
        throw error;
      }
    };
    const thrower: Middleware = () => {
      throw new Error('bug');
    };
    expect(() => compose([outer, thrower], forward)(callContext())).toThrow('bug');
    expect(log).toEqual(['outer saw bug']);
    expect(calls).toEqual([]);
  });

  test('a rejecting terminal rejects through every step, which may map the failure', async () => {
    const log: string[] = [];
    const handler = compose(
      [
        logging('a', log),
        (_ctx, next) =>
          next().catch((error: unknown) => {
            log.push(`mapped ${(error as Error).message}`);
            return okText('mapped');
          }),
      ],
      () => Promise.reject(new Error('backend gone')),
    );
    await expect(handler(callContext())).resolves.toEqual(okText('mapped'));
    expect(log).toEqual(['a:in', 'mapped backend gone', 'a:out']);
  });
});
