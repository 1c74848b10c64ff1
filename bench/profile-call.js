// @ts-check
// Profiles one gateway variant under the benchmark's call load: spawns the built CLI with the
// given Node options (e.g. `--cpu-prof --cpu-prof-dir=DIR`, `--trace-gc`), warms up, runs
// `--calls` echo calls either one at a time or with `--concurrency` in flight, then closes the
// gateway's stdin so that it exits normally (and writes its profile). Prints the relay's CPU
// per call (schedstat) and that over its backend's CPU per call (the same work through any relay:
// a ratio the machine's load moves less than either figure). `--variant floor` runs
// bench/floor-relay.mjs under the same load. Allocation per call: `--alloc-profile FILE`.
//
//   node bench/profile-call.js --variant gateway|gw-bare|floor [--mode seq|par] [--calls 20000]
//        [--warmup 3000] [--concurrency 16] [--node-options "--cpu-prof --cpu-prof-dir=/tmp/p"]
//        [--bin OTHER/bin/mcp-gateway.js] [--windows N]
//
// The line it prints also splits the relay's CPU into user and system time and by thread (the
// main thread; `node` = V8's and libuv's workers); `--windows N` adds CPU per call for each of N
// slices of the measured calls, which one at a time moves a lot within one process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inspectorOf, stdioRpc } from './child-rpc.js';
import { childPids, cpuNs } from './proc-cpu.js';
import { featureVariants } from './variants.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');

const { values: opts } = parseArgs({
  options: {
    variant: { type: 'string', default: 'gateway' },
    mode: { type: 'string', default: 'par' },
    calls: { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '16' },
    // Also print CPU per call for each of this many equal slices of the measured calls.
    windows: { type: 'string', default: '1' },
    'node-options': { type: 'string', default: '' },
    bin: { type: 'string', default: path.join(ROOT, 'bin', 'mcp-gateway.js') },
    'alloc-profile': { type: 'string' },
    // With --alloc-profile: keep only the sampled allocations still alive when sampling stops
    // (what the collectors have not freed: what survives scavenges, promoted garbage included).
    'alloc-survivors': { type: 'boolean', default: false },
    // With --alloc-profile: leave out only what the young generation collected, i.e. keep what
    // was promoted (or is still alive): what a call leaves to the old generation's collector.
    'alloc-promoted': { type: 'boolean', default: false },
    // A command to run the gateway under, e.g. "strace -f -c -o FILE" (CPU figures then mean little).
    prefix: { type: 'string', default: '' },
  },
});

// `floor` is bench/floor-relay.mjs (what any Node relay costs), the same load through it.
const FLOOR = path.join(ROOT, 'bench', 'floor-relay.mjs');
const isFloor = opts.variant === 'floor';
const extra = isFloor ? {} : featureVariants[/** @type {string} */ (opts.variant)];
if (extra === undefined)
  throw new Error(
    `unknown variant ${opts.variant}; known: floor, ${Object.keys(featureVariants).join(', ')}`,
  );
const TOOL = isFloor ? 'echo' : 'echo__echo';
const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-profile-'));
const config = path.join(dir, 'mcp-gateway.config.json');
writeFileSync(
  config,
  JSON.stringify({ servers: { echo: { command: process.execPath, args: [ECHO] } }, ...extra }),
);

const nodeOptions = opts['node-options'].split(' ').filter((o) => o !== '');
const allocProfile = opts['alloc-profile'];
if (allocProfile !== undefined) nodeOptions.push('--inspect=127.0.0.1:0');
const prefix = opts.prefix.split(' ').filter((o) => o !== '');
const relayArgs = isFloor ? [FLOOR, process.execPath, ECHO] : [opts.bin, '--config', config];
const argv = [...prefix, process.execPath, ...nodeOptions, ...relayArgs];
const child = spawn(/** @type {string} */ (argv[0]), argv.slice(1), {
  stdio: ['pipe', 'pipe', allocProfile === undefined ? 'inherit' : 'pipe'],
});
/**
 * With `--alloc-profile FILE`: the gateway's inspector, through which the measured calls'
 * allocations are sampled, those the young generation collects included (Node's own
 * `--heap-prof` keeps only what is still alive at exit). Needs `--experimental-websocket`.
 */
const inspector = allocProfile === undefined ? undefined : await inspectorOf(child);
// `--trace-gc` and the like print on stdout: passed on to this process's stdout.
const stdin = /** @type {import('node:stream').Writable} */ (child.stdin);
const request = stdioRpc(child, (line) => process.stdout.write(`${line}\n`));

/** CPU ns per thread name (comm) of the process: the main thread, V8's workers, libuv's pool. */
const cpuNsByThread = (/** @type {number} */ pid) => {
  /** @type {Map<string, number>} */
  const byName = new Map();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
      const ns = Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      const key = task === String(pid) ? 'main' : name;
      byName.set(key, (byName.get(key) ?? 0) + ns);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return byName;
};

/** User and system CPU time of the process (all its threads), in µs, from /proc/PID/stat. */
const userSysUs = (/** @type {number} */ pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const tick = 1e6 / 100;
  return { user: Number(fields[11]) * tick, sys: Number(fields[12]) * tick };
};

await request('initialize', {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'profile', version: '1' },
});
stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
let listed = await request('tools/list', {});
while (!listed.result?.tools?.some((/** @type {{name: string}} */ t) => t.name === TOOL))
  listed = await request('tools/list', {});
const call = () => request('tools/call', { name: TOOL, arguments: { message: 'hello' } });
const run = async (/** @type {number} */ calls) => {
  if (opts.mode === 'seq') {
    for (let i = 0; i < calls; i++) await call();
    return;
  }
  let issued = 0;
  await Promise.all(
    Array.from({ length: Number(opts.concurrency) }, async () => {
      while (issued < calls) {
        issued++;
        await call();
      }
    }),
  );
};
await run(Number(opts.warmup));
if (inspector !== undefined) {
  await inspector.send('HeapProfiler.enable');
  await inspector.send('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMinorGC: !opts['alloc-survivors'] && !opts['alloc-promoted'],
    includeObjectsCollectedByMajorGC: !opts['alloc-survivors'],
  });
}
const pid = /** @type {number} */ (child.pid);
const backends = childPids(pid);
const backendNs = () => backends.reduce((sum, one) => sum + cpuNs(one), 0);
const backendBefore = backendNs();
const before = cpuNs(pid);
const timesBefore = userSysUs(pid);
const threadsBefore = cpuNsByThread(pid);
const started = performance.now();
const windows = Number(opts.windows);
if (windows > 1) {
  const each = Math.floor(Number(opts.calls) / windows);
  const slices = [];
  for (let w = 0; w < windows; w++) {
    const at = cpuNs(pid);
    await run(each);
    slices.push(((cpuNs(pid) - at) / 1000 / each).toFixed(1));
  }
  process.stderr.write(`CPU µs/call by slice of ${String(each)} calls: ${slices.join(' ')}\n`);
} else await run(Number(opts.calls));
const cpu = (cpuNs(pid) - before) / 1000 / Number(opts.calls);
const backendCpu = (backendNs() - backendBefore) / 1000 / Number(opts.calls);
const timesAfter = userSysUs(pid);
const threadsAfter = cpuNsByThread(pid);
const perThread = [...threadsAfter]
  .map(([name, ns]) => [name, (ns - (threadsBefore.get(name) ?? 0)) / 1000 / Number(opts.calls)])
  .filter(([, us]) => Number(us) >= 0.05)
  .map(([name, us]) => `${String(name)} ${Number(us).toFixed(1)}`)
  .join(', ');
const userUs = (timesAfter.user - timesBefore.user) / Number(opts.calls);
const sysUs = (timesAfter.sys - timesBefore.sys) / Number(opts.calls);
const wall = (performance.now() - started) / Number(opts.calls);
// The relay's peak resident set so far (VmHWM), to weigh a CPU change against memory.
const peakRssMb =
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
if (inspector !== undefined) {
  const { profile } = await inspector.send('HeapProfiler.stopSampling');
  writeFileSync(/** @type {string} */ (allocProfile), JSON.stringify(profile));
  inspector.socket.close();
}
process.stderr.write(
  `${opts.variant} ${opts.mode}: ${cpu.toFixed(1)} µs CPU/call (×${(cpu / backendCpu).toFixed(2)} the backend's ${backendCpu.toFixed(1)}; user ${userUs.toFixed(0)}, system ${sysUs.toFixed(0)}), ${(wall * 1000).toFixed(1)} µs wall/call; peak RSS ${peakRssMb.toFixed(0)} MB; by thread (µs/call): ${perThread}\n`,
);
await new Promise((resolve) => {
  child.once('exit', resolve);
  stdin.end();
  // A process that had a debugger attached may wait for it at exit.
  setTimeout(() => child.kill(), 5000).unref();
});
