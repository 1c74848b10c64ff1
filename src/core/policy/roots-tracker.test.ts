import { describe, expect, test } from 'vitest';
import { createRootsTracker } from './roots-tracker.js';

describe('createRootsTracker', () => {
  test('other requests pass through and leave no view', async () => {
    const tracker = createRootsTracker();
    expect(await tracker.relay('fs', 'sampling/createMessage', () => Promise.resolve(42))).toBe(42);
    expect(tracker.view('fs')).toBeUndefined();
  });

  test('roots are unknown while an answer is pending, then every root seen is kept', async () => {
    const tracker = createRootsTracker();
    let answer: (value: unknown) => void = () => undefined;
    const relayed = tracker.relay(
      'fs',
      'roots/list',
      () => new Promise((resolve) => (answer = resolve)),
    );
    expect(tracker.view('fs')).toMatchObject({ pending: true });
    answer({ roots: [{ uri: 'file:///a', name: 'a' }, { uri: 7 }, null] });
    await relayed;
    expect(tracker.view('fs')).toEqual({ pending: false, uris: ['file:///a'], overflowed: false });
    const before = tracker.view('fs');
    await tracker.relay('fs', 'roots/list', () =>
      Promise.resolve({ roots: [{ uri: 'file:///b' }] }),
    );
    expect(tracker.view('fs')?.uris).toEqual(['file:///a', 'file:///b']);
    expect(tracker.view('fs')).not.toBe(before);
    expect(tracker.view('other')).toBeUndefined();
  });

  test('a failed request clears pending and adds nothing', async () => {
    const tracker = createRootsTracker();
    await expect(
      tracker.relay('fs', 'roots/list', () => Promise.reject(new Error('no agent'))),
    ).rejects.toThrow('no agent');
    expect(tracker.view('fs')).toEqual({ pending: false, uris: [], overflowed: false });
  });

  test('more roots than it keeps overflow the view', async () => {
    const tracker = createRootsTracker();
    const roots = Array.from({ length: 300 }, (_, i) => ({ uri: `file:///r${i}` }));
    await tracker.relay('fs', 'roots/list', () => Promise.resolve({ roots }));
    expect(tracker.view('fs')?.overflowed).toBe(true);
  });
});
