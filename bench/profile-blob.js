// @ts-check
// The benchmark's 1 MB phase alone: spawns the built CLI (one or several builds, alternated
// start by start) with the echo backend, calls its `blob` tool `--iters` times one at a time,
// and prints per build the relay process's CPU per 1 MB round trip (schedstat, all threads),
// the median wall time of a round trip, and the full (mark-compact) collections counted by
// `--trace-gc` when asked. `--node-options` passes flags to the gateway (e.g.
// `--cpu-prof --cpu-prof-dir=DIR`, whose profile then covers the 1 MB calls).
// `--alloc-profile FILE` samples, through the gateway's inspector, what the measured round trips
// allocate (one build, one start; `bench/profile-buckets.js FILE --calls ITERS` reads it); with
// `--promoted`, only what outlived the young generation (promoted to the old one, where each
// megabyte brings the next full collection nearer), not what scavenges collected.
//
//   node bench/profile-blob.js [--variant gateway|gw-bare] [--iters 20] [--starts 3]
//        [--bytes 1048576] [--bin [LABEL=]PATH,...] [--node-options "..."] [--trace-gc]
//        [--alloc-profile FILE [--promoted]] [--threads] [--wrapped] [--warmup 3]
//
// `--warmup` round trips come first, unmeasured (3: the scanner's paths compiled and its tables
// filled; `bench/run.js` takes 1, so `--warmup 1 --iters 20` measures what its 1 MB row does).
//
// `--wrapped` takes the backend `bench/wrapped-blob-server.mjs`, whose result carries the text
// twice, in `content` and in `structuredContent.result`, as FastMCP sends a tool's string.
//
// `--threads` adds the CPU per round trip of each kind of thread (the main thread, V8's workers
// that mark and scavenge in parallel, libuv's), medians over starts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inspectorOf } from './child-rpc.js';
import { cpuNs } from './proc-cpu.js';
import { featureVariants } from './variants.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');
const WRAPPED = path.join(ROOT, 'bench', 'wrapped-blob-server.mjs');

const { values: opts } = parseArgs({
  options: {
    variant: { type: 'string', default: 'gateway' },
    iters: { type: 'string', default: '20' },
    starts: { type: 'string', default: '3' },
    bytes: { type: 'string', default: String(1024 * 1024) },
    bin: { type: 'string', default: `this=${path.join(ROOT, 'bin', 'mcp-gateway.js')}` },
    'node-options': { type: 'string', default: '' },
    'trace-gc': { type: 'boolean', default: false },
    'alloc-profile': { type: 'string' },
    promoted: { type: 'boolean', default: false },
    threads: { type: 'boolean', default: false },
    wrapped: { type: 'boolean', default: false },
    warmup: { type: 'string', default: '3' },
  },
});

const extra = featureVariants[opts.variant];
if (extra === undefined) throw new Error(`unknown variant ${opts.variant}`);
const ITERS = Number(opts.iters);
const BYTES = Number(opts.bytes);
const bins = opts.bin.split(',').map((spec, index) => {
  const at = spec.indexOf('=');
  return at > 0
    ? { label: spec.slice(0, at), bin: spec.slice(at + 1) }
    : { label: `bin${String(index)}`, bin: spec };
});

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** CPU ns of a process's threads by kind (`main`, or the thread's name), from /proc. */
const cpuNsByThread = (/** @type {number} */ pid) => {
  /** @type {Map<string, number>} */
  const byKind = new Map();
  for (const task of readdirSync(`/proc/${String(pid)}/task`)) {
    try {
      const name = readFileSync(`/proc/${String(pid)}/task/${task}/comm`, 'utf8').trim();
      const ns = Number(
        readFileSync(`/proc/${String(pid)}/task/${task}/schedstat`, 'utf8').split(' ')[0],
      );
      const kind = task === String(pid) ? 'main' : name;
      byKind.set(kind, (byKind.get(kind) ?? 0) + ns);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return byKind;
};

/** One start of one build: CPU ms per round trip, median wall ms, full collections. */
const measure = async (/** @type {string} */ bin) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-blob-'));
  const config = path.join(dir, 'mcp-gateway.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      servers: { echo: { command: process.execPath, args: [opts.wrapped ? WRAPPED : ECHO] } },
      ...extra,
    }),
  );
  const nodeOptions = opts['node-options'].split(' ').filter((o) => o !== '');
  // Full collections, counted by a preload that writes the running count to a file (V8's
  // `--trace-gc` prints on stdout, which is the protocol here).
  const gcFile = path.join(dir, 'full-gcs');
  if (opts['trace-gc']) {
    const preload = path.join(dir, 'count-gc.cjs');
    writeFileSync(
      preload,
      `const { PerformanceObserver, constants } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');
const counts = { fulls: 0, fullMs: 0, minors: 0, minorMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      counts.fulls++;
      counts.fullMs += entry.duration;
    } else if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      counts.minors++;
      counts.minorMs += entry.duration;
    }
  }
  writeFileSync(${JSON.stringify(gcFile)}, JSON.stringify(counts));
}).observe({ entryTypes: ['gc'] });
`,
    );
    nodeOptions.push('--require', preload);
  }
  /** @returns {{ fulls: number; fullMs: number; minors: number; minorMs: number }} */
  const fullGcs = () => {
    try {
      return JSON.parse(readFileSync(gcFile, 'utf8'));
    } catch {
      return { fulls: 0, fullMs: 0, minors: 0, minorMs: 0 };
    }
  };
  const allocProfile = opts['alloc-profile'];
  if (allocProfile !== undefined) nodeOptions.push('--inspect=127.0.0.1:0');
  const child = spawn(process.execPath, [...nodeOptions, bin, '--config', config], {
    stdio: ['pipe', 'pipe', allocProfile === undefined ? 'ignore' : 'pipe'],
  });
  const inspector = allocProfile === undefined ? undefined : await inspectorOf(child);
  const stdin = /** @type {import('node:stream').Writable} */ (child.stdin);
  const stdout = /** @type {import('node:stream').Readable} */ (child.stdout);
  /** @type {Map<number, (message: any) => void>} */
  const pending = new Map();
  let nextId = 1;
  /** @type {string[]} */
  let parts = [];
  stdout.setEncoding('utf8');
  stdout.on('data', (/** @type {string} */ data) => {
    // V8's own traces (`--trace-gc` in --node-options) land on stdout, inside the protocol's
    // lines: each is taken out and printed on stderr.
    const chunk = data.replace(/\[\d+:0x[0-9a-f]+\][^\n]*\n/g, (trace) => {
      process.stderr.write(trace);
      return '';
    });
    let from = 0;
    for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', from)) {
      parts.push(chunk.slice(from, at));
      from = at + 1;
      const line = parts.join('');
      parts = [];
      if (!line.startsWith('{')) continue;
      const message = JSON.parse(line);
      const resolve = pending.get(message.id);
      if (resolve !== undefined) {
        pending.delete(message.id);
        resolve(message);
      }
    }
    if (from < chunk.length) parts.push(chunk.slice(from));
  });
  /** @returns {Promise<any>} */
  const request = (/** @type {string} */ method, /** @type {unknown} */ params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  await request('initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'profile-blob', version: '1' },
  });
  stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  let listed = await request('tools/list', {});
  while (!listed.result?.tools?.some((/** @type {{name: string}} */ t) => t.name === 'echo__blob'))
    listed = await request('tools/list', {});
  const blob = async () => {
    const reply = await request('tools/call', { name: 'echo__blob', arguments: { bytes: BYTES } });
    if (reply.result?.content?.[0]?.text?.length !== BYTES)
      throw new Error(`blob reply ${JSON.stringify(reply).slice(0, 300)}`);
  };
  // Warm-up: the first round trips compile the scanner's paths and fill its tables.
  for (let i = 0; i < Number(opts.warmup); i++) await blob();
  if (inspector !== undefined) {
    await inspector.send('HeapProfiler.enable');
    await inspector.send('HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMinorGC: !opts.promoted,
      includeObjectsCollectedByMajorGC: true,
    });
  }
  const pid = /** @type {number} */ (child.pid);
  const fullsBefore = fullGcs();
  const threadsBefore = cpuNsByThread(pid);
  const before = cpuNs(pid);
  /** @type {number[]} */
  const walls = [];
  for (let i = 0; i < ITERS; i++) {
    const t0 = performance.now();
    await blob();
    walls.push(performance.now() - t0);
  }
  const cpuMs = (cpuNs(pid) - before) / 1e6 / ITERS;
  /** @type {Map<string, number>} */
  const threadMs = new Map();
  for (const [kind, ns] of cpuNsByThread(pid))
    threadMs.set(kind, (ns - (threadsBefore.get(kind) ?? 0)) / 1e6 / ITERS);
  if (inspector !== undefined) {
    const { profile } = await inspector.send('HeapProfiler.stopSampling');
    writeFileSync(/** @type {string} */ (allocProfile), JSON.stringify(profile));
    inspector.socket.close();
  }
  // The observer's callback runs after the collection: one turn for it to write.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const after = fullGcs();
  const counted = {
    fulls: (after.fulls - fullsBefore.fulls) / ITERS,
    fullMs: (after.fullMs - fullsBefore.fullMs) / ITERS,
    minors: (after.minors - fullsBefore.minors) / ITERS,
    minorMs: (after.minorMs - fullsBefore.minorMs) / ITERS,
  };
  await new Promise((resolve) => {
    child.once('exit', resolve);
    stdin.end();
    setTimeout(() => child.kill(), 10000).unref();
  });
  return { cpuMs, wallMs: median(walls), gc: counted, threadMs };
};

/** @typedef {{ fulls: number; fullMs: number; minors: number; minorMs: number }} GcCounts */
/** @typedef {{ cpu: number[]; wall: number[]; gc: GcCounts[]; threads: Map<string, number>[] }} Runs */
/** @type {Map<string, Runs>} */
const results = new Map(
  bins.map(({ label }) => [label, { cpu: [], wall: [], gc: [], threads: [] }]),
);
for (let start = 0; start < Number(opts.starts); start++) {
  const order = start % 2 === 0 ? bins : [...bins].reverse();
  for (const { label, bin } of order) {
    const r = await measure(bin);
    const into = /** @type {Runs} */ (results.get(label));
    into.cpu.push(r.cpuMs);
    into.wall.push(r.wallMs);
    into.gc.push(r.gc);
    into.threads.push(r.threadMs);
  }
}
const first = results.get(/** @type {{label: string}} */ (bins[0]).label);
for (const [label, r] of results) {
  const ratio = first === undefined ? NaN : median(r.cpu) / median(first.cpu);
  process.stdout.write(
    `${opts.variant}@${label}: CPU/1MB ${median(r.cpu).toFixed(1)} ms (${r.cpu.map((c) => c.toFixed(1)).join(' ')}), ` +
      `wall ${median(r.wall).toFixed(1)} ms (${r.wall.map((c) => c.toFixed(1)).join(' ')})` +
      `${opts['trace-gc'] ? `, per round trip (median of starts): full GCs ${median(r.gc.map((g) => g.fulls)).toFixed(2)} (${median(r.gc.map((g) => g.fullMs)).toFixed(1)} ms), scavenges ${median(r.gc.map((g) => g.minors)).toFixed(1)} (${median(r.gc.map((g) => g.minorMs)).toFixed(1)} ms)` : ''}, CPU ratio to first ${ratio.toFixed(2)}\n`,
  );
  if (opts.threads) {
    const kinds = [...new Set(r.threads.flatMap((t) => [...t.keys()]))];
    const shares = kinds
      .map((kind) => [kind, median(r.threads.map((t) => t.get(kind) ?? 0))])
      .filter(([, ms]) => Number(ms) >= 0.05)
      .sort((a, b) => Number(b[1]) - Number(a[1]))
      .map(([kind, ms]) => `${String(kind)} ${Number(ms).toFixed(1)}`);
    process.stdout.write(`  CPU ms per round trip by thread: ${shares.join(', ')}\n`);
  }
}
