/**
 * How hard the fuzz and soak tests push: `npm test` runs them at scale 1 (a few tens of seconds
 * in all); `npm run fuzz` sets FUZZ_SCALE (default 20) for deeper runs. FUZZ_SEED replays one.
 */
export const FUZZ_SCALE = Math.max(1, Number(process.env['FUZZ_SCALE'] ?? '1') || 1);

/** `runs` at scale 1, more when asked. */
export const runs = (base: number): number => Math.round(base * FUZZ_SCALE);

/**
 * The fast-check parameters every property shares: the seed when replaying, and a time limit
 * so that shrinking a failure whose steps each wait for a timeout still reports in time.
 * `examples` are the failures found so far, run first every time (regression cases).
 */
export const fcParameters = <T>(
  numRuns: number,
  examples: T[] = [],
): { numRuns: number; interruptAfterTimeLimit: number; examples: T[]; seed?: number } => {
  const seed = process.env['FUZZ_SEED'];
  const limits = { numRuns, interruptAfterTimeLimit: 240_000 * FUZZ_SCALE, examples };
  return seed === undefined ? limits : { ...limits, seed: Number(seed) };
};
