/** CPU time this process has used, user and system, in milliseconds. */
export const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * How many times longer `large` runs than `small`, in this process's CPU time, each the best of
 * `rounds` runs taken in turn (small, large, small, large…). CPU time, not wall time: on a shared
 * machine other processes' load stretches wall time, not the CPU this work uses. In turn, and the
 * best of each: a collection or a compile of this process's own must land in every run of one
 * size to move the ratio. `floorMs` keeps the clock's resolution from inflating the ratio when
 * `small` is very fast.
 */
export const cpuGrowth = (
  small: () => unknown,
  large: () => unknown,
  { rounds = 3, floorMs = 1 }: { readonly rounds?: number; readonly floorMs?: number } = {},
): number => {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < rounds; round++) {
    let started = cpuMs();
    small();
    bestSmall = Math.min(bestSmall, cpuMs() - started);
    started = cpuMs();
    large();
    bestLarge = Math.min(bestLarge, cpuMs() - started);
  }
  return bestLarge / Math.max(bestSmall, floorMs);
};
