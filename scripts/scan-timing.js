// CPU timing shared by the scanner benchmarks (bench-scan-speed, -cliff, -adversarial): CPU time,
// not wall time, because these machines are shared and wall time stretches under load.

/** CPU milliseconds (user + system) this process has used. */
export const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Fastest CPU milliseconds of `runs` scans of `text`, after one warm-up scan of `warmUp` (its
 * first 64 KiB by default), so a run measures the scan and not V8 compiling its patterns.
 * @param {(text: string) => unknown} scan
 * @param {string} text
 * @param {number} runs
 * @param {string} [warmUp]
 */
export const fastestScanMs = (scan, text, runs, warmUp = text.slice(0, 65536)) => {
  scan(warmUp);
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = cpuMs();
    scan(text);
    fastest = Math.min(fastest, cpuMs() - started);
  }
  return fastest;
};
