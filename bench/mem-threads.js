#!/usr/bin/env node
// @ts-check
// Where the gateway's peak RSS goes, per phase and per thread: spawns the built CLI (or another
// build's bin) with the benchmark's echo backend, drives the phases `bench/run.js` measures
// (warm-up, sequential calls, 16 in flight, then 1 MB results) and after each one prints the
// gateway process's VmHWM/VmRSS and its glibc malloc arenas (the anonymous 64 MB-aligned heaps in
// /proc/PID/smaps, resident MB each), and at the end its threads by role with their CPU.
//
//   node bench/mem-threads.js [--bin bin/mcp-gateway.js] [--variant gateway|gw-bare]
//        [--calls 2000] [--warmup 1000] [--blob-iters 10] [--env K=V,K=V] [--node-flags="--x --y"]
//        [--strace FILE] [--trace-out FILE] [--attach-delay MS] [--json]
//
// --strace runs the gateway under `strace -f` (mmap, munmap, mprotect, clone; FILE is the log) and
// names the thread that reserved each arena: a PROT_NONE mapping of 64 MB (or of 128 MB, trimmed to
// an aligned 64 MB). --trace-out keeps the non-JSON lines of the gateway's stdout (V8's --trace-*
// flags print there), tagged with the phase; use --blob-iters 0 with them. --attach-delay leaves
// time to attach a debugger before the first request: `gdb -p PID -batch -ex 'print mp_'` shows
// glibc's mmap and trim thresholds, and `watch -l mp_.mmap_threshold` what raises them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stdioRpc } from './child-rpc.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');

const { values: opts } = parseArgs({
  options: {
    bin: { type: 'string', default: path.join(ROOT, 'bin', 'mcp-gateway.js') },
    variant: { type: 'string', default: 'gateway' },
    calls: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    'blob-iters': { type: 'string', default: '10' },
    env: { type: 'string', default: '' },
    'node-flags': { type: 'string', default: '' },
    strace: { type: 'string' },
    json: { type: 'boolean', default: false },
    'trace-out': { type: 'string' },
    // Time to attach a debugger (gdb -p) before the first request, in ms.
    'attach-delay': { type: 'string', default: '0' },
  },
});

const CONFIGS = /** @type {Record<string, Record<string, unknown>>} */ ({
  gateway: {},
  'gw-bare': {
    audit: { enabled: false },
    scanning: { descriptions: 'off', responses: 'off', arguments: 'off' },
    pinning: { mode: 'off' },
  },
});
const extra = CONFIGS[opts.variant];
if (extra === undefined) {
  console.error(`unknown variant ${opts.variant}; known: ${Object.keys(CONFIGS).join(', ')}`);
  process.exit(2);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-mem-'));
const configFile = path.join(dir, 'mcp-gateway.config.json');
writeFileSync(
  configFile,
  JSON.stringify({ servers: { echo: { command: process.execPath, args: [ECHO] } }, ...extra }),
);

const env = { ...process.env };
for (const pair of opts.env.split(',').filter((p) => p !== '')) {
  const at = pair.indexOf('=');
  env[pair.slice(0, at)] = pair.slice(at + 1);
}
const nodeFlags = opts['node-flags'].split(' ').filter((f) => f !== '');
let argv = [process.execPath, ...nodeFlags, path.resolve(opts.bin), '--config', configFile];
if (opts.strace !== undefined)
  argv = [
    'strace',
    '-f',
    '-qq',
    '-e',
    'trace=mmap,munmap,mprotect,clone,clone3',
    '-o',
    opts.strace,
    ...argv,
  ];

const [command, ...args] = argv;
const child = spawn(/** @type {string} */ (command), args, {
  stdio: ['pipe', 'pipe', 'ignore'],
  env,
});
/** Lines on the gateway's stdout that are not JSON-RPC (V8 traces), and the phase running. */
/** @type {string[]} */
const traced = [];
let phaseNow = 'start';
// V8's --trace-opt/--trace-deopt write to stdout too: kept aside, tagged with the phase.
const request = stdioRpc(child, (line) => traced.push(`${phaseNow}\t${line}`));

/** The gateway's own pid: the child itself, or strace's child when traced. */
function gatewayPid() {
  const pid = /** @type {number} */ (child.pid);
  if (opts.strace === undefined) return pid;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
    } catch {
      // gone
    }
  }
  return pid;
}

const ARENA = 64 * 1024 * 1024;
// Node 20 names none of its threads (every `comm` reads "node"), but starts them in a fixed
// order (seen with gdb's `thread apply all bt`): the main thread, V8's delayed-task scheduler,
// the V8 platform's workers (--v8-pool-size, 4 by default), the inspector's signal thread, then
// libuv's pool (UV_THREADPOOL_SIZE, 4 by default) at its first use. Roles by TID rank.
const V8_POOL = Number(/--v8-pool-size=(\d+)/.exec(opts['node-flags'])?.[1] ?? 4);
/** @type {number[]} */
let ranked = [];
function roleOf(/** @type {number} */ pid, /** @type {number} */ tid) {
  if (tid === pid) return 'main';
  if (!ranked.includes(tid))
    ranked = readdirSync(`/proc/${pid}/task`)
      .map(Number)
      .filter((t) => t !== pid)
      .sort((a, b) => a - b);
  const rank = ranked.indexOf(tid);
  if (rank === 0) return 'v8-delayed';
  if (rank <= V8_POOL) return 'v8-worker';
  if (rank === V8_POOL + 1) return 'inspector';
  return 'libuv-pool';
}
/** Thread roles seen so far, by TID (threads may end before the last phase). */
const names = new Map();

/** One reading of the gateway process: memory, threads, arenas. */
function snapshot(/** @type {number} */ pid, /** @type {string} */ phase) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (/** @type {string} */ key) =>
    Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  const threads = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const role = roleOf(pid, Number(tid));
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, in clock ticks (100 per second on Linux).
      const cpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
      names.set(Number(tid), role);
      threads.push({ tid: Number(tid), role, cpuMs });
    } catch {
      // ended
    }
  }
  // Anonymous mappings: an arena heap is a read-write part at a 64 MB-aligned address, followed
  // by its PROT_NONE rest, the two summing to 64 MB.
  const maps = [];
  let current;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (head !== null) {
      current = {
        start: BigInt(`0x${head[1]}`),
        end: BigInt(`0x${head[2]}`),
        perms: head[3],
        anonymous: head[4] === '0' && head[5] === '',
        rssKb: 0,
      };
      maps.push(current);
    } else if (current !== undefined && line.startsWith('Rss:')) {
      current.rssKb = Number(/(\d+)/.exec(line)?.[1] ?? 0);
    }
  }
  const arenas = [];
  for (let i = 0; i < maps.length; i++) {
    const m = /** @type {(typeof maps)[number]} */ (maps[i]);
    if (!m.anonymous || m.perms !== 'rw-p' || m.start % BigInt(ARENA) !== 0n) continue;
    const rest = maps[i + 1];
    const size =
      rest !== undefined && rest.anonymous && rest.perms === '---p' && rest.start === m.end
        ? rest.end - m.start
        : m.end - m.start;
    if (size !== BigInt(ARENA)) continue;
    arenas.push({ address: `0x${m.start.toString(16)}`, rssKb: m.rssKb });
  }
  return {
    phase,
    hwmMb: kb('VmHWM') / 1024,
    rssMb: kb('VmRSS') / 1024,
    anonMb: kb('RssAnon') / 1024,
    arenas,
    threads,
  };
}

const CALLS = Number(opts.calls);
const call = () => request('tools/call', { name: 'echo__echo', arguments: { message: 'hello' } });
const readings = [];
await new Promise((resolve) => setTimeout(resolve, Number(opts['attach-delay'])));
await request('initialize', {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'mem-threads', version: '1' },
});
child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
let listed = await request('tools/list', {});
while (!listed.result?.tools?.some((/** @type {{name: string}} */ t) => t.name === 'echo__echo'))
  listed = await request('tools/list', {});
const pid = gatewayPid();
readings.push(snapshot(pid, 'listed'));
phaseNow = 'warm-up';
for (let i = 0; i < Number(opts.warmup); i++) await call();
readings.push(snapshot(pid, 'warm-up'));
phaseNow = 'sequential';
for (let i = 0; i < CALLS; i++) await call();
readings.push(snapshot(pid, 'sequential'));
phaseNow = 'in flight';
let issued = 0;
await Promise.all(
  Array.from({ length: Number(opts.concurrency) }, async () => {
    while (issued < CALLS) {
      issued++;
      await call();
    }
  }),
);
readings.push(snapshot(pid, 'in flight'));
phaseNow = '1 MB results';
// One warm-up and then the timed results (none with --blob-iters 0: V8's traces, written to the
// same stdout, can land inside a 1 MB line).
const BLOBS = Number(opts['blob-iters']);
for (let i = 0; i < (BLOBS === 0 ? 0 : BLOBS + 1); i++) {
  const reply = await request('tools/call', {
    name: 'echo__blob',
    arguments: { bytes: 1024 * 1024 },
  });
  if (reply.error !== undefined) throw new Error(JSON.stringify(reply.error));
}
readings.push(snapshot(pid, '1 MB results'));
await new Promise((resolve) => {
  child.once('exit', resolve);
  child.stdin.end();
});

/** For each arena at the end, the TID whose mmap reserved it (from the strace log). */
function arenaOwners() {
  if (opts.strace === undefined) return new Map();
  const owners = new Map();
  // `TID mmap(NULL, 134217728, PROT_NONE, ...) = 0x...` (the unaligned ends are unmapped after)
  // or `TID mmap(0x..., 67108864, PROT_NONE, ...)` at an aligned hint; a call another thread
  // interrupted is split into `... <unfinished ...>` and `TID <... mmap resumed>) = 0x...`.
  /** @type {Map<number, bigint>} */
  const unfinished = new Map();
  const record = (
    /** @type {number} */ tid,
    /** @type {bigint} */ size,
    /** @type {bigint} */ start,
  ) => {
    if (size !== BigInt(ARENA) && size !== BigInt(2 * ARENA)) return;
    const aligned = (start + BigInt(ARENA) - 1n) & ~(BigInt(ARENA) - 1n);
    owners.set(`0x${aligned.toString(16)}`, tid);
  };
  for (const line of readFileSync(opts.strace, 'utf8').split('\n')) {
    const call =
      /^(\d+)\s+mmap\([^,]+, (\d+), PROT_NONE, [^)]*\)?(?: = (0x[0-9a-f]+)| <unfinished)/.exec(
        line,
      );
    if (call !== null) {
      const tid = Number(call[1]);
      if (call[3] === undefined) unfinished.set(tid, BigInt(call[2] ?? 0));
      else record(tid, BigInt(call[2] ?? 0), BigInt(call[3]));
      continue;
    }
    const resumed = /^(\d+)\s+<\.\.\. mmap resumed>.* = (0x[0-9a-f]+)/.exec(line);
    if (resumed !== null) {
      const tid = Number(resumed[1]);
      const size = unfinished.get(tid);
      unfinished.delete(tid);
      if (size !== undefined) record(tid, size, BigInt(resumed[2] ?? 0));
    }
  }
  return owners;
}
const owners = arenaOwners();
if (opts['trace-out'] !== undefined) writeFileSync(opts['trace-out'], `${traced.join('\n')}\n`);

if (opts.json) {
  console.log(JSON.stringify({ readings, owners: Object.fromEntries(owners) }));
} else {
  for (const r of readings) {
    const arenaKb = r.arenas.reduce((sum, a) => sum + a.rssKb, 0);
    console.log(
      `${r.phase.padEnd(13)} VmHWM ${r.hwmMb.toFixed(1)} MB  VmRSS ${r.rssMb.toFixed(1)}  anon ${r.anonMb.toFixed(1)}  ` +
        `arenas ${r.arenas.length}: ${(arenaKb / 1024).toFixed(1)} MB [${r.arenas
          .map((a) => {
            const tid = owners.get(a.address);
            const by = tid === undefined ? '' : `@${names.get(tid) ?? '?'}`;
            return `${(a.rssKb / 1024).toFixed(1)}${by}`;
          })
          .join(' ')}]`,
    );
  }
  const last = /** @type {(typeof readings)[number]} */ (readings.at(-1));
  /** @type {Map<string, { count: number; cpuMs: number }>} */
  const byName = new Map();
  for (const t of last.threads) {
    const entry = byName.get(t.role) ?? { count: 0, cpuMs: 0 };
    entry.count++;
    entry.cpuMs += t.cpuMs;
    byName.set(t.role, entry);
  }
  console.log(
    `threads ${last.threads.length}: ${[...byName].map(([n, e]) => `${n}×${e.count} (${e.cpuMs} ms)`).join(', ')}`,
  );
}
