import { describe, expect, it } from 'vitest';
import { createDrain } from './drain.js';

describe('createDrain', () => {
  it('counts a tracked request until it settles, and the count drops before its caller resumes', async () => {
    const drain = createDrain();
    let finish: (value: string) => void = () => undefined;
    const handler = drain.track(() => new Promise<string>((resolve) => (finish = resolve)));
    const answer = handler();
    expect(drain.inFlight()).toBe(1);
    const drained = drain.drain(10_000);
    finish('done');
    expect(await answer).toBe('done');
    expect(drain.inFlight()).toBe(0);
    await drained;
  });

  it('counts failures (rejected or thrown) as finished, and passes them on', async () => {
    const drain = createDrain();
    const rejects = drain.track(() => Promise.reject(new Error('no')));
    const throws = drain.track((): Promise<void> => {
      throw new Error('sync');
    });
    await expect(rejects()).rejects.toThrow('no');
    await expect(throws()).rejects.toThrow('sync');
    expect(drain.inFlight()).toBe(0);
  });

  it('stops waiting after the drain time', async () => {
    const drain = createDrain();
    void drain.track(() => new Promise<void>(() => undefined))();
    const started = performance.now();
    await drain.drain(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(drain.inFlight()).toBe(1);
  });
});
