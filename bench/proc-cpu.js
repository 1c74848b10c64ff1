// @ts-check
// CPU a process has used, read from /proc (Linux): shared by the benchmarks that measure CPU per call.
import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time a process has used, in ns: the sum of its threads' schedstat (time on a CPU), which,
 * unlike wall-clock figures, does not stretch when other processes compete for the cores. A
 * thread that ends while it is read counts nothing; a process that is gone reads 0.
 */
export function cpuNs(/** @type {number} */ pid) {
  let ns = 0;
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended
      }
    }
  } catch {
    // gone
  }
  return ns;
}
