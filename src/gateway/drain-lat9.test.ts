import { describe, expect, it } from 'vitest';
import { createDrain } from './drain.js';

/** A call as the front hands it over: it runs its settle tasks when the test says it settled. */
class SettlingCall {
  readonly tasks: (() => void)[] = [];
  whenSettled(task: (key: object) => void, key: object): void {
    this.tasks.push(() => {
      task(key);
    });
  }
  settle(): void {
    for (const task of this.tasks.splice(0)) task();
  }
}

describe('createDrain with calls from the front (lat9)', () => {
  it('counts a call down in its settle task, not on its promise', async () => {
    const drain = createDrain();
    const handler = drain.track((call: SettlingCall) =>
      Promise.resolve(call.tasks.length > 0 ? 'done' : 'no task'),
    );
    const call = new SettlingCall();
    expect(await handler(call)).toBe('done');
    // The promise settled, the front has not run the task yet: still counted.
    expect(drain.inFlight()).toBe(1);
    expect(call.tasks).toHaveLength(1);
    const drained = drain.drain(10_000);
    call.settle();
    expect(drain.inFlight()).toBe(0);
    await drained;
  });

  it('a handler that throws is counted down once, when the front settles it', async () => {
    const drain = createDrain();
    const handler = drain.track((call: SettlingCall): Promise<void> => {
      throw new Error(`sync, ${String(call.tasks.length)} task`);
    });
    const call = new SettlingCall();
    await expect(handler(call)).rejects.toThrow('sync, 1 task');
    expect(drain.inFlight()).toBe(1);
    call.settle();
    expect(drain.inFlight()).toBe(0);
  });

  it('other arguments are still counted on the promise', async () => {
    const drain = createDrain();
    const handler = drain.track((name: string) => Promise.resolve(name));
    expect(await handler('x')).toBe('x');
    expect(drain.inFlight()).toBe(0);
  });
});
