import { describe, expect, test } from 'vitest';
import { callContext, fakeForward, okText } from '../../test/helpers/call-context.js';
import { compose, passingContext } from './compose.js';
import type { Handler, Middleware, ToolCallContext } from './tool-call.js';

/** A context-passing step that logs its way in and out. */
const passing = (name: string, log: string[]): Middleware =>
  passingContext(async (ctx, next) => {
    log.push(`${name}:in`);
    const outcome = await next(ctx);
    log.push(`${name}:out`);
    return outcome;
  });

/** A step of the older kind: `next()` without the context. */
const plain =
  (name: string, log: string[]): Middleware =>
  async (_ctx, next) => {
    log.push(`${name}:in`);
    const outcome = await next();
    log.push(`${name}:out`);
    return outcome;
  };

describe('compose with context-passing steps (feat14)', () => {
  test('passing and plain steps mix, in order, around the terminal', async () => {
    const log: string[] = [];
    const handler = compose(
      [passing('a', log), plain('b', log), passing('c', log), plain('d', log)],
      (ctx) => {
        log.push(`terminal:${ctx.id}`);
        return Promise.resolve(okText('x'));
      },
    );
    await expect(handler(callContext({ id: 'one' }))).resolves.toEqual(okText('x'));
    expect(log).toEqual([
      'a:in',
      'b:in',
      'c:in',
      'd:in',
      'terminal:one',
      'd:out',
      'c:out',
      'b:out',
      'a:out',
    ]);
  });

  test('a passing step is handed one next for every call, not one per call', async () => {
    const seen: Handler[] = [];
    const look = passingContext((ctx, next) => {
      seen.push(next);
      return next(ctx);
    });
    const handler = compose([look], fakeForward().forward);
    await handler(callContext());
    await handler(callContext());
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    // A plain step gets a closure of its own per call, as before.
    const plainSeen: unknown[] = [];
    const plainHandler = compose(
      [
        (_ctx, next) => {
          plainSeen.push(next);
          return next();
        },
      ],
      fakeForward().forward,
    );
    await plainHandler(callContext());
    await plainHandler(callContext());
    expect(plainSeen[0]).not.toBe(plainSeen[1]);
  });

  test('calling next(ctx) twice rejects the second time, and the terminal runs once', async () => {
    const { forward, calls } = fakeForward();
    let second: Promise<unknown> | undefined;
    const twice = passingContext((ctx, next) => {
      const first = next(ctx);
      second = next(ctx);
      return first;
    });
    await expect(compose([twice], forward)(callContext())).resolves.toEqual(okText('done'));
    await expect(second).rejects.toThrow('next() called multiple times');
    expect(calls).toHaveLength(1);
    // Awaiting in between does not reset the guard.
    const later = passingContext(async (ctx, next) => {
      await next(ctx);
      return next(ctx);
    });
    await expect(compose([later], forward)(callContext())).rejects.toThrow(
      'next() called multiple times',
    );
    expect(calls).toHaveLength(2);
  });

  test("each step's guard is its own: two passing steps each call next once", async () => {
    const { forward, calls } = fakeForward();
    const once = passingContext((ctx, next) => next(ctx));
    const twiceInner = passingContext(async (ctx, next) => {
      await next(ctx);
      return next(ctx);
    });
    await expect(compose([once, once, once], forward)(callContext())).resolves.toEqual(
      okText('done'),
    );
    expect(calls).toHaveLength(1);
    // The inner step's second call is refused; the outer step's first call was fine.
    await expect(compose([once, twiceInner], forward)(callContext())).rejects.toThrow(
      'next() called multiple times',
    );
    expect(calls).toHaveLength(2);
  });

  test('concurrent calls do not share the guard: it lives in each call’s trace', async () => {
    const order: string[] = [];
    const wait = passingContext(async (ctx, next) => {
      await new Promise((resolve) => setTimeout(resolve, ctx.id === 'slow' ? 5 : 0));
      return next(ctx);
    });
    const handler = compose([wait, wait], (ctx: ToolCallContext) => {
      order.push(ctx.id);
      return Promise.resolve(okText(ctx.id));
    });
    const [slow, fast] = await Promise.all([
      handler(callContext({ id: 'slow' })),
      handler(callContext({ id: 'fast' })),
    ]);
    expect(slow).toEqual(okText('slow'));
    expect(fast).toEqual(okText('fast'));
    expect(order).toEqual(['fast', 'slow']);
  });

  test('a passing step under a wrapper that hands it a next() of its own still runs the rest', async () => {
    const log: string[] = [];
    const inner = passing('inner', log);
    // Like the tracing wrappers: a plain step that calls the marked one with its own next.
    const wrapper: Middleware = (ctx, next) =>
      inner(ctx, () => {
        log.push('wrapper:next');
        return next();
      });
    const { forward, calls } = fakeForward();
    await expect(compose([wrapper], forward)(callContext())).resolves.toEqual(okText('done'));
    expect(calls).toHaveLength(1);
    expect(log).toEqual(['inner:in', 'wrapper:next', 'inner:out']);
  });

  test('a passing step that answers without next() stops the call before the terminal', async () => {
    const { forward, calls } = fakeForward();
    const stop = passingContext(() => Promise.resolve(okText('stopped')));
    await expect(compose([stop], forward)(callContext())).resolves.toEqual(okText('stopped'));
    expect(calls).toEqual([]);
  });
});
