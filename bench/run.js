// @ts-check
// `npm run bench`: the same backend measured direct and through the gateway, in one run,
// alternating (A B … B A) so that machine noise hits both. Prints a table and one JSON line.
//
//   node bench/run.js [--calls 3000] [--warmup 2000] [--concurrency 16] [--spawns 3] [--rounds 2]
//                     [--only direct,gateway,...] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mcp-gateway.js');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');

const { values: opts } = parseArgs({
  options: {
    calls: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    spawns: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const CALLS = Number(opts.calls);
const WARMUP = Number(opts.warmup);
const CONCURRENCY = Number(opts.concurrency);
const SPAWNS = Number(opts.spawns);
const ROUNDS = Number(opts.rounds);

/**
 * Configurations: `direct` is the baseline; each gateway variant differs only in its config.
 * @type {{ name: string; tool: string; command: () => string[] }[]}
 */
const variants = [
  { name: 'direct', tool: 'echo', command: () => [process.execPath, ECHO] },
  {
    name: 'gateway',
    tool: 'echo__echo',
    command: () => [process.execPath, BIN, '--config', writeConfig({})],
  },
].filter((v) => opts.only === undefined || opts.only.split(',').includes(v.name));

/** @param {Record<string, unknown>} extra */
function writeConfig(extra) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-bench-'));
  const file = path.join(dir, 'mcp-gateway.config.json');
  writeFileSync(
    file,
    JSON.stringify({ servers: { echo: { command: process.execPath, args: [ECHO] } }, ...extra }),
  );
  return file;
}

/** A minimal newline-delimited JSON-RPC client over a child's stdio: the harness costs little. */
function connect(/** @type {string[]} */ argv) {
  const [command, ...args] = argv;
  const child = spawn(/** @type {string} */ (command), args, { stdio: ['pipe', 'pipe', 'ignore'] });
  /** @type {Map<number, (message: any) => void>} */
  const pending = new Map();
  let nextId = 1;
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (/** @type {string} */ chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line === '') continue;
      const message = JSON.parse(line);
      if (message.id !== undefined && pending.has(message.id)) {
        const resolve = /** @type {(m: any) => void} */ (pending.get(message.id));
        pending.delete(message.id);
        resolve(message);
      }
    }
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
  let kb = 0;
  for (const p of tree) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

const percentile = (/** @type {number[]} */ sorted, /** @type {number} */ p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (/** @type {number[]} */ xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function measure(/** @type {(typeof variants)[number]} */ variant) {
  const coldStarts = [];
  for (let i = 0; i < SPAWNS; i++) {
    const started = performance.now();
    const session = connect(variant.command());
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

  const session = connect(variant.command());
  await initialize(session);
  await session.request('tools/list', {});
  const call = () =>
    session.request('tools/call', { name: variant.tool, arguments: { message: 'hello' } });
  for (let i = 0; i < WARMUP; i++) {
    const reply = await call();
    if (reply.error !== undefined || reply.result?.isError === true)
      throw new Error(`${variant.name}: ${JSON.stringify(reply)}`);
  }
  const latencies = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await call();
    latencies.push(performance.now() - t0);
  }
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
  const rss = peakRssMb(/** @type {number} */ (session.child.pid));
  await session.close();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput,
    coldStartMs: median(coldStarts),
    rssMb: rss,
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
      rssMb: median(runs.map((r) => r.rssMb)),
    },
  ]),
);
const base = summary['direct'];
const rows = Object.entries(summary).map(([name, s]) => ({
  name,
  ...s,
  addedP50: base === undefined ? NaN : s.p50 - base.p50,
  throughputRatio: base === undefined ? NaN : s.throughput / base.throughput,
  addedRssMb: base === undefined ? NaN : s.rssMb - base.rssMb,
  coldStartRatio: base === undefined ? NaN : s.coldStartMs / base.coldStartMs,
}));

if (opts.json) {
  console.log(
    JSON.stringify({
      calls: CALLS,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      node: process.version,
      rows,
    }),
  );
} else {
  const f = (/** @type {number} */ n, d = 3) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log(
    `calls=${CALLS} warmup=${WARMUP} concurrency=${CONCURRENCY} rounds=${ROUNDS} node=${process.version}`,
  );
  console.log(
    'variant            p50 ms  p99 ms  +p50 ms  calls/s  tp ratio  cold ms  cold ratio  RSS MB  +RSS MB',
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
      ].join(' '),
    );
  }
  console.log(JSON.stringify({ rows }));
}
