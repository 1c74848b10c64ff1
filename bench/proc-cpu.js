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

/**
 * The pids of a process's children (from /proc/PID/task/TID/children): a relay's backend, whose
 * CPU per call is the same through any relay, so the relay's CPU over its backend's is a ratio
 * that moves less with the machine's load than either figure alone.
 */
export function childPids(/** @type {number} */ pid) {
  /** @type {number[]} */
  const pids = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
        for (const one of text === '' ? [] : text.split(' ')) pids.push(Number(one));
      } catch {
        // the thread ended
      }
    }
  } catch {
    // gone
  }
  return pids;
}
