// @ts-check
// `npm run bench`: the same backend measured direct, through the floor relay and through the
// gateway, in one run, alternating (A B … B A) so that machine noise hits all of them. Prints a
// table and one JSON line. Each gateway variant differs only in its config (written to its own
// temp folder, so every variant has its own state: pins, audit log, cache); `direct` (the
// baseline) and `floor` (bench/floor-relay.mjs: what any Node relay costs) always run.
//
//   node bench/run.js [--calls 3000] [--warmup 2000] [--concurrency 16] [--spawns 3] [--rounds 2]
//                     [--blob-bytes 1048576] [--blob-iters 20]
//                     [--variants gateway,gw-bare,...] (alias --only) [--json]
//                     [--compare-bin [LABEL=]OTHER/bin/mcp-gateway.js,...]
//
// CPU per call is read from /proc (each task's schedstat, in ns) around the call phases, so it
// holds up on a loaded machine where latency and throughput do not: `cpu µs/call` is the relay
// process alone (the gateway, the floor; the backend itself for direct), `tree` adds its
// backend. `--compare-bin` adds a twin `NAME@LABEL` (LABEL defaults to `base`) of every gateway
// variant for each other build given (e.g. earlier commits' bundles), alternated with it, so
// several builds are compared within one run.
//
// Variants: gateway (defaults), gw-no-audit, gw-no-scan, gw-policy-50, gw-bare, gw-sync-audit,
// gw-otel (defaults + OTLP export to a live receiver), gw-otel-dead (to a port nobody listens on);
// direct and floor always.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuNs } from './proc-cpu.js';
import { compareBins, SCAN_OFF } from './variants.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mcp-gateway.js');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');
const FLOOR = path.join(ROOT, 'bench', 'floor-relay.mjs');

const { values: opts } = parseArgs({
  options: {
    calls: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    spawns: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    'blob-bytes': { type: 'string', default: String(1024 * 1024) },
    'blob-iters': { type: 'string', default: '20' },
    variants: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    'compare-bin': { type: 'string' },
  },
});
const CALLS = Number(opts.calls);
const WARMUP = Number(opts.warmup);
const CONCURRENCY = Number(opts.concurrency);
const SPAWNS = Number(opts.spawns);
const ROUNDS = Number(opts.rounds);
const BLOB_BYTES = Number(opts['blob-bytes']);
const BLOB_ITERS = Number(opts['blob-iters']);

/**
 * A 50-rule policy: forty rules on ten other servers (globs, access classes, agents, paths,
 * URLs) and ten on `echo/*` with argument predicates, so every echo call evaluates rules; none
 * of them denies or asks for the benchmark's calls, and the default is allow.
 */
function fiftyRulePolicy() {
  /** @type {Record<string, unknown>[]} */
  const rules = [];
  for (let index = 0; index < 10; index++) {
    const server = `srv${index}`;
    rules.push(
      { id: `${server}-read`, effect: 'allow', match: `${server}/*`, access: 'read' },
      {
        id: `${server}-no-secrets`,
        effect: 'deny',
        match: `${server}/*`,
        args: { $paths: { pathUnder: ['~/.ssh', '~/.aws'] } },
      },
      { id: `${server}-ask-delete`, effect: 'ask', match: `${server}/delete_*` },
      {
        id: `${server}-fetch`,
        effect: 'allow',
        match: `${server}/fetch`,
        agents: ['bot', 'ci'],
        args: { url: { urlHost: ['*.github.com', 'example.com'], scheme: 'https' } },
      },
    );
  }
  rules.push(
    {
      id: 'echo-outside-x',
      effect: 'allow',
      match: 'echo/*',
      args: { $paths: { notPathUnder: ['/tmp/x'] } },
    },
    {
      id: 'echo-short',
      effect: 'allow',
      match: 'echo/echo',
      args: { message: { maxLength: 10000 } },
    },
    {
      id: 'echo-has-message',
      effect: 'allow',
      match: 'echo/echo',
      args: { message: { exists: true } },
    },
    {
      id: 'echo-blob-size',
      effect: 'allow',
      match: 'echo/blob',
      args: { bytes: { lt: 64 * 1024 * 1024 } },
    },
    {
      id: 'echo-no-secrets',
      effect: 'deny',
      match: 'echo/*',
      args: { $paths: { pathUnder: ['~/.ssh', '~/.aws'] } },
    },
    {
      id: 'echo-no-rm',
      effect: 'deny',
      match: 'echo/*',
      args: { message: { regex: 'rm\\s+-rf\\s+/' } },
    },
    {
      id: 'echo-no-keys',
      effect: 'deny',
      match: 'echo/*',
      args: { $strings: { glob: '*PRIVATE KEY*' } },
    },
    { id: 'echo-untrusted', effect: 'deny', match: 'echo/*', agents: ['untrusted'] },
    {
      id: 'echo-ask-admin',
      effect: 'ask',
      match: 'echo/*',
      args: { message: { in: ['sudo', 'shutdown'] } },
    },
    { id: 'echo-ask-delete', effect: 'ask', match: 'echo/delete_*' },
  );
  return { default: 'allow', rules };
}

/** The other builds to compare, each `[LABEL=]path`; their variants are named `NAME@LABEL`. */
const otherBins = compareBins(opts['compare-bin']).map(({ label, bin }) => ({
  suffix: `@${label}`,
  bin,
}));

/**
 * Configurations: `direct` is the baseline; each gateway variant differs only in its config.
 * @type {{ name: string; tool: string; blobTool: string; command: () => string[] }[]}
 */
const allVariants = [
  { name: 'direct', tool: 'echo', blobTool: 'blob', command: () => [process.execPath, ECHO] },
  {
    name: 'floor',
    tool: 'echo',
    blobTool: 'blob',
    command: () => [process.execPath, FLOOR, process.execPath, ECHO],
  },
  ...gatewayVariants({
    // Defaults: no policy, scanning on (descriptions block, responses and arguments warn),
    // audit on with batch durability, pinning on.
    gateway: {},
    'gw-no-audit': { audit: { enabled: false } },
    'gw-no-scan': { scanning: SCAN_OFF },
    'gw-policy-50': { policy: fiftyRulePolicy() },
    // Plain forwarding: audit, scanning and pinning off, no policy.
    'gw-bare': { audit: { enabled: false }, scanning: SCAN_OFF, pinning: { mode: 'off' } },
    'gw-sync-audit': { audit: { durability: 'sync' } },
    // Defaults plus every signal exported over OTLP/HTTP (protobuf), SDK default batching.
    'gw-otel': { telemetry: { otlp: { endpoint: '{LIVE}' } } },
    'gw-otel-dead': { telemetry: { otlp: { endpoint: '{DEAD}' } } },
  }),
];

/** @param {Record<string, Record<string, unknown>>} configs */
function gatewayVariants(configs) {
  const bins = [{ suffix: '', bin: BIN }, ...otherBins];
  return Object.entries(configs).flatMap(([name, extra]) =>
    bins.map(({ suffix, bin }) => ({
      name: `${name}${suffix}`,
      tool: 'echo__echo',
      blobTool: 'echo__blob',
      command: () => [process.execPath, bin, '--config', writeConfig(extra)],
    })),
  );
}

const wanted = (opts.variants ?? opts.only)?.split(',').filter((n) => n !== '');
for (const name of wanted ?? []) {
  if (!allVariants.some((v) => v.name.replace(/@[^@]*$/, '') === name)) {
    console.error(`unknown variant ${name}; known: ${allVariants.map((v) => v.name).join(', ')}`);
    process.exit(2);
  }
}
// `direct` and `floor` are always measured: every figure is reported against both.
const variants = allVariants.filter(
  (v) =>
    v.name === 'direct' ||
    v.name === 'floor' ||
    wanted === undefined ||
    wanted.includes(v.name.replace(/@[^@]*$/, '')),
);

// The OTLP variants' endpoints: a live receiver in its own process, and a port that was free
// a moment ago (connections to it are refused, as with a collector that is down).
const otlpSink = variants.some((v) => v.name === 'gw-otel') ? await startSink() : undefined;
const deadEndpoint = `http://127.0.0.1:${await freePort()}`;

async function startSink() {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'otlp-sink.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (/** @type {string} */ text) => {
      const match = /listening on (\S+)/.exec(text);
      if (match !== null) resolve(match[1]);
    });
  });
  return { child, url: /** @type {string} */ (url) };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(undefined);
    }),
  );
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) =>
    server.close(() => {
      resolve(undefined);
    }),
  );
  return port;
}

/** Writes a gateway config into a fresh temp folder (its state folder lives next to it). */
function writeConfig(/** @type {Record<string, unknown>} */ extra) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-bench-'));
  const file = path.join(dir, 'mcp-gateway.config.json');
  const text = JSON.stringify({
    servers: { echo: { command: process.execPath, args: [ECHO] } },
    ...extra,
  })
    .replace('{LIVE}', otlpSink?.url ?? '')
    .replace('{DEAD}', deadEndpoint);
  writeFileSync(file, text);
  return file;
}

/** A minimal newline-delimited JSON-RPC client over a child's stdio: the harness costs little. */
function connect(/** @type {string[]} */ argv) {
  const [command, ...args] = argv;
  const child = spawn(/** @type {string} */ (command), args, { stdio: ['pipe', 'pipe', 'ignore'] });
  /** @type {Map<number, (message: any) => void>} */
  const pending = new Map();
  let nextId = 1;
  // Pieces of a line not yet ended; only each new chunk is searched for newlines, so a 1 MB
  // reply arriving in 64 KB chunks costs the harness one pass, not one pass per chunk.
  /** @type {string[]} */
  const partial = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (/** @type {string} */ chunk) => {
    let start = 0;
    let newline;
    while ((newline = chunk.indexOf('\n', start)) !== -1) {
      const piece = chunk.slice(start, newline);
      start = newline + 1;
      const line = partial.length === 0 ? piece : partial.join('') + piece;
      partial.length = 0;
      if (line === '') continue;
      const message = JSON.parse(line);
      if (message.id !== undefined && pending.has(message.id)) {
        const resolve = /** @type {(m: any) => void} */ (pending.get(message.id));
        pending.delete(message.id);
        resolve(message);
      }
    }
    if (start < chunk.length) partial.push(chunk.slice(start));
  });
  /** @returns {Promise<any>} */
  const request = (/** @type {string} */ method, /** @type {unknown} */ params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  const notify = (/** @type {string} */ method) =>
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method })}\n`);
  const close = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.stdin.end();
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { child, request, notify, close };
}

async function initialize(/** @type {ReturnType<typeof connect>} */ session) {
  await session.request('initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'mcp-gateway-bench', version: '1' },
  });
  session.notify('notifications/initialized');
}

/** Peak RSS (VmHWM) of a process and all its descendants, in MB (Linux). */
function peakRssMb(/** @type {number} */ pid) {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** Every process in the tree under `pid` (itself first), from /proc (Linux). */
function processTree(/** @type {number} */ pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const tree = [pid];
  // The list grows while it is walked: each new member's children are appended in turn.
  for (const member of tree)
    for (const [child, parent] of parents) if (parent === member) tree.push(child);
  return tree;
}

/** CPU used so far by the process itself and by its whole tree (with its backend), in ns. */
function cpuOf(/** @type {number} */ pid) {
  const tree = processTree(pid);
  let total = 0;
  for (const p of tree) total += cpuNs(p);
  return { self: cpuNs(pid), tree: total };
}

const percentile = (/** @type {number[]} */ sorted, /** @type {number} */ p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (/** @type {number[]} */ xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function measure(/** @type {(typeof variants)[number]} */ variant) {
  // One config (one state folder) for every spawn of this measurement: the first start is cold,
  // the later ones find the tool cache the first one wrote, as a client restarting it would.
  const argv = variant.command();
  const initMs = [];
  const firstCallMs = [];
  const coldStarts = [];
  for (let i = 0; i < SPAWNS; i++) {
    const started = performance.now();
    const session = connect(argv);
    await initialize(session);
    initMs.push(performance.now() - started);
    // The first call that succeeds: an agent that already knows the tool calls it at once.
    for (;;) {
      const reply = await session.request('tools/call', {
        name: variant.tool,
        arguments: { message: 'hello' },
      });
      if (reply.error === undefined && reply.result?.isError !== true) break;
    }
    firstCallMs.push(performance.now() - started);
    await session.close();
  }
  for (let i = 0; i < SPAWNS; i++) {
    const started = performance.now();
    const session = connect(argv);
    await initialize(session);
    let listed = await session.request('tools/list', {});
    while (
      !listed.result?.tools?.some((/** @type {{name: string}} */ t) => t.name === variant.tool)
    ) {
      listed = await session.request('tools/list', {});
    }
    coldStarts.push(performance.now() - started);
    await session.close();
  }

  const session = connect(argv);
  await initialize(session);
  await session.request('tools/list', {});
  const call = () =>
    session.request('tools/call', { name: variant.tool, arguments: { message: 'hello' } });
  for (let i = 0; i < WARMUP; i++) {
    const reply = await call();
    if (reply.error !== undefined || reply.result?.isError === true)
      throw new Error(`${variant.name}: ${JSON.stringify(reply)}`);
  }
  const pid = /** @type {number} */ (session.child.pid);
  const cpu0 = cpuOf(pid);
  const latencies = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await call();
    latencies.push(performance.now() - t0);
  }
  const cpu1 = cpuOf(pid);
  latencies.sort((a, b) => a - b);
  let issued = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued < CALLS) {
        issued++;
        await call();
      }
    }),
  );
  const throughput = CALLS / ((performance.now() - t0) / 1000);
  const cpu2 = cpuOf(pid);
  // Peak RSS of the call phases, before the large payloads inflate the heaps.
  const rss = peakRssMb(pid);

  // Large payload: one warm-up, then BLOB_ITERS sequential round trips of a BLOB_BYTES text.
  const blob = async () => {
    const reply = await session.request('tools/call', {
      name: variant.blobTool,
      arguments: { bytes: BLOB_BYTES },
    });
    const text = reply.result?.content?.[0]?.text;
    if (reply.error !== undefined || reply.result?.isError === true || text?.length !== BLOB_BYTES)
      throw new Error(`${variant.name}: blob reply ${JSON.stringify(reply).slice(0, 300)}`);
  };
  await blob();
  const cpu3 = cpuOf(pid);
  const blobTimes = [];
  for (let i = 0; i < BLOB_ITERS; i++) {
    const b0 = performance.now();
    await blob();
    blobTimes.push(performance.now() - b0);
  }
  const cpu4 = cpuOf(pid);
  const rssAfterBlob = peakRssMb(pid);
  await session.close();
  /** µs of CPU per call between two readings. */
  const perCall = (
    /** @type {{self: number, tree: number}} */ a,
    /** @type {{self: number, tree: number}} */ b,
    /** @type {number} */ calls,
    /** @type {'self' | 'tree'} */ which,
  ) => (b[which] - a[which]) / 1000 / calls;
  return {
    // CPU per call: sequential calls, calls with CONCURRENCY in flight, and 1 MB results (in ms).
    cpuSeqUs: perCall(cpu0, cpu1, CALLS, 'self'),
    cpuSeqTreeUs: perCall(cpu0, cpu1, CALLS, 'tree'),
    cpuTpUs: perCall(cpu1, cpu2, CALLS, 'self'),
    cpuTpTreeUs: perCall(cpu1, cpu2, CALLS, 'tree'),
    cpuBlobMs: perCall(cpu3, cpu4, BLOB_ITERS, 'self') / 1000,
    cpuBlobTreeMs: perCall(cpu3, cpu4, BLOB_ITERS, 'tree') / 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput,
    coldStartMs: median(coldStarts),
    initMs: median(initMs),
    // Later spawns only: the first one had no tool cache yet.
    firstCallMs: median(firstCallMs.length > 1 ? firstCallMs.slice(1) : firstCallMs),
    rssMb: rss,
    blobMs: median(blobTimes),
    rssAfterBlobMb: rssAfterBlob,
  };
}

const order = [];
for (let r = 0; r < ROUNDS; r++) order.push(...(r % 2 === 0 ? variants : [...variants].reverse()));
/** @type {Record<string, Awaited<ReturnType<typeof measure>>[]>} */
const results = {};
for (const variant of order) {
  process.stderr.write(`measuring ${variant.name}…\n`);
  (results[variant.name] ??= []).push(await measure(variant));
}

/** Medians over rounds, per metric. */
const summary = Object.fromEntries(
  Object.entries(results).map(([name, runs]) => [
    name,
    {
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      throughput: median(runs.map((r) => r.throughput)),
      coldStartMs: median(runs.map((r) => r.coldStartMs)),
      initMs: median(runs.map((r) => r.initMs)),
      firstCallMs: median(runs.map((r) => r.firstCallMs)),
      rssMb: median(runs.map((r) => r.rssMb)),
      blobMs: median(runs.map((r) => r.blobMs)),
      rssAfterBlobMb: median(runs.map((r) => r.rssAfterBlobMb)),
      cpuSeqUs: median(runs.map((r) => r.cpuSeqUs)),
      cpuSeqTreeUs: median(runs.map((r) => r.cpuSeqTreeUs)),
      cpuTpUs: median(runs.map((r) => r.cpuTpUs)),
      cpuTpTreeUs: median(runs.map((r) => r.cpuTpTreeUs)),
      cpuBlobMs: median(runs.map((r) => r.cpuBlobMs)),
      cpuBlobTreeMs: median(runs.map((r) => r.cpuBlobTreeMs)),
    },
  ]),
);
const base = summary['direct'];
const floor = summary['floor'];
const rows = Object.entries(summary).map(([name, s]) => ({
  name,
  ...s,
  addedP50: base === undefined ? NaN : s.p50 - base.p50,
  throughputRatio: base === undefined ? NaN : s.throughput / base.throughput,
  addedRssMb: base === undefined ? NaN : s.rssMb - base.rssMb,
  coldStartRatio: base === undefined ? NaN : s.coldStartMs / base.coldStartMs,
  addedBlobMs: base === undefined ? NaN : s.blobMs - base.blobMs,
  blobRatio: base === undefined ? NaN : s.blobMs / base.blobMs,
  // Against the floor: what this variant adds beyond any Node relay (DESIGN §10's budget).
  p50OverFloor: floor === undefined ? NaN : s.p50 - floor.p50,
  throughputVsFloor: floor === undefined ? NaN : s.throughput / floor.throughput,
  blobOverFloorMs: floor === undefined ? NaN : s.blobMs - floor.blobMs,
  rssOverFloorMb: floor === undefined ? NaN : s.rssMb - floor.rssMb,
  rssAfterBlobOverFloorMb: floor === undefined ? NaN : s.rssAfterBlobMb - floor.rssAfterBlobMb,
  initOverFloorMs: floor === undefined ? NaN : s.initMs - floor.initMs,
  firstCallOverDirectMs: base === undefined ? NaN : s.firstCallMs - base.firstCallMs,
  // CPU the whole tree adds per call over direct, and the relay process against the floor's.
  addedCpuSeqTreeUs: base === undefined ? NaN : s.cpuSeqTreeUs - base.cpuSeqTreeUs,
  cpuSeqVsFloor: floor === undefined ? NaN : s.cpuSeqUs / floor.cpuSeqUs,
  cpuTpVsFloor: floor === undefined ? NaN : s.cpuTpUs / floor.cpuTpUs,
  cpuBlobOverFloorMs: floor === undefined ? NaN : s.cpuBlobMs - floor.cpuBlobMs,
}));

if (opts.json) {
  console.log(
    JSON.stringify({
      calls: CALLS,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      blobBytes: BLOB_BYTES,
      blobIters: BLOB_ITERS,
      node: process.version,
      loadavg: os.loadavg(),
      rows,
      perRound: results,
    }),
  );
} else {
  const f = (/** @type {number} */ n, d = 3) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log(
    `calls=${CALLS} warmup=${WARMUP} concurrency=${CONCURRENCY} rounds=${ROUNDS} blob=${BLOB_BYTES}B×${BLOB_ITERS} node=${process.version} load=${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(',')}`,
  );
  console.log(
    'variant            p50 ms  p99 ms  +p50 ms  calls/s  tp ratio  cold ms  cold ratio  RSS MB  +RSS MB  1MB ms  1MB ratio │ p50-floor  tp/floor  1MB-floor  RSS-floor  init-floor  call1-direct',
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(17),
        f(r.p50).padStart(7),
        f(r.p99).padStart(7),
        f(r.addedP50).padStart(8),
        f(r.throughput, 0).padStart(8),
        f(r.throughputRatio, 2).padStart(9),
        f(r.coldStartMs, 0).padStart(8),
        f(r.coldStartRatio, 2).padStart(11),
        f(r.rssMb, 0).padStart(7),
        f(r.addedRssMb, 0).padStart(8),
        f(r.blobMs, 1).padStart(7),
        f(r.blobRatio, 2).padStart(10),
        '│',
        f(r.p50OverFloor).padStart(9),
        f(r.throughputVsFloor, 2).padStart(9),
        f(r.blobOverFloorMs, 1).padStart(10),
        f(r.rssOverFloorMb, 0).padStart(10),
        f(r.initOverFloorMs, 0).padStart(11),
        f(r.firstCallOverDirectMs, 0).padStart(13),
      ].join(' '),
    );
  }
  console.log(
    '\nCPU (schedstat)   seq µs/call  tree  +tree vs direct  ×floor │ 16 in flight µs/call  tree  ×floor │ 1MB ms/call  tree  −floor',
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(17),
        f(r.cpuSeqUs, 1).padStart(11),
        f(r.cpuSeqTreeUs, 1).padStart(5),
        f(r.addedCpuSeqTreeUs, 1).padStart(16),
        f(r.cpuSeqVsFloor, 2).padStart(7),
        '│',
        f(r.cpuTpUs, 1).padStart(20),
        f(r.cpuTpTreeUs, 1).padStart(5),
        f(r.cpuTpVsFloor, 2).padStart(7),
        '│',
        f(r.cpuBlobMs, 2).padStart(11),
        f(r.cpuBlobTreeMs, 2).padStart(5),
        f(r.cpuBlobOverFloorMs, 2).padStart(7),
      ].join(' '),
    );
  }
  // The RSS column above is the peak up to the end of the call phases (start-up included); the
  // 1 MB results that follow raise it further, by more than the calls do.
  console.log(
    '\nPeak RSS (VmHWM, process tree) MB  after the calls  −floor │ after the 1 MB results  −floor',
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(33),
        f(r.rssMb, 1).padStart(15),
        f(r.rssOverFloorMb, 1).padStart(7),
        '│',
        f(r.rssAfterBlobMb, 1).padStart(22),
        f(r.rssAfterBlobOverFloorMb, 1).padStart(7),
      ].join(' '),
    );
  }
  // Every round's figures too, so the spread behind each median can be seen.
  console.log(JSON.stringify({ rows, perRound: results }));
}

// The receiver's counts go to stderr: a live variant that exported nothing would show here.
otlpSink?.child.kill('SIGTERM');
