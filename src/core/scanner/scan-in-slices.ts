import type { Finding } from './finding.js';
import type { ScanJob } from './scan-job.js';

/** How much a scan may read, and how it shares the thread. */
export interface ScanLimits {
  /** Characters read at most (per result, argument set, tool definition); the rest is `scan.incomplete`. */
  readonly maxChars: number;
  /** Milliseconds of scanning at most (the job's own time, pauses excluded); the rest is `scan.incomplete`. */
  readonly maxMs: number;
  /** Characters read between two pauses. */
  readonly sliceChars: number;
}

/** Time and turn-taking, injected: core reads no clock and schedules nothing itself. */
export interface ScanScheduler {
  /** A monotonic time in milliseconds. */
  now(): number;
  /** Resolves on a later turn of the event loop, after pending I/O had its chance. */
  pause(): Promise<void>;
}

/** Defaults for `scanning.maxChars` and `scanning.maxMs`, and the slice size. */
export const defaultScanLimits: ScanLimits = {
  maxChars: 16 * 1024 * 1024,
  maxMs: 10_000,
  sliceChars: 65536,
};

/**
 * Runs a scan job slice by slice, pausing between slices so other sessions' messages are
 * handled meanwhile, and stops at the character or time limit: the findings then end with a
 * `scan.incomplete` finding where reading stopped. A job done in its first slice never pauses.
 */
export async function scanInSlices(
  job: ScanJob,
  limits: ScanLimits,
  scheduler: ScanScheduler,
): Promise<Finding[]> {
  let spent = 0;
  for (;;) {
    const budget = Math.min(limits.sliceChars, limits.maxChars - job.scanned);
    if (budget <= 0) return job.finish(`over the limit of ${limits.maxChars} characters`);
    const started = scheduler.now();
    const done = job.step(budget);
    spent += scheduler.now() - started;
    if (done) return job.finish();
    if (spent >= limits.maxMs) return job.finish(`scanning took over ${limits.maxMs} ms`);
    await scheduler.pause();
  }
}
