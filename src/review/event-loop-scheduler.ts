import type { ScanScheduler } from '../core/scanner/scan-in-slices.js';

/** Pauses on setImmediate, after the I/O callbacks already queued: other sessions' messages go first. */
export const eventLoopScheduler: ScanScheduler = {
  now: () => performance.now(),
  pause: () =>
    new Promise((resolve) => {
      setImmediate(resolve);
    }),
};
