// @ts-check
// Where a warm start's first call goes, start by start: `direct` (bench/echo-server.mjs alone),
// `floor` (bench/floor-relay.mjs in front of it) and each gateway variant (bench/run.js's configs,
// for this build and every `--compare-bin` build), alternated round by round (A B … then … B A),
// each client doing what bench/run.js's does: `initialize`, then at its answer `initialized` and
// `tools/call echo {message: "hello"}` (again until it succeeds).
//
//   node bench/startup-first-call.js [--runs 12] [--variants gateway,gw-bare]
//                                    [--compare-bin [LABEL=]OTHER/bin/mcp-gateway.js,...]
//
// Per variant, medians over the runs of: the wall time to the `initialize` answer and to the first
// result, the first result minus direct's **in the same round** (bench/run.js takes two starts per
// round: on a loaded machine its figure moves by ±200 ms), the relay process's CPU when the
// result arrived (schedstat, every thread), and for gateway starts the start-up trace
// (MCP_GATEWAY_TRACE_STARTUP=1): when the backend was spawned (and the gateway's CPU then), when it answered its `initialize`
// (its boot as the gateway saw it, against direct's `initialize`), and when the call was forwarded.
// That splits "first call − direct" into: the gateway's own start before the spawn, the backend's
// boot being slower beside the gateway, and the hops after it.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { onLines } from './child-rpc.js';
import { cpuNs } from './proc-cpu.js';
import { compareBins, featureVariants } from './variants.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mcp-gateway.js');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');
const FLOOR = path.join(ROOT, 'bench', 'floor-relay.mjs');

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '12' },
    variants: { type: 'string', default: 'gateway,gw-bare' },
    'compare-bin': { type: 'string', default: '' },
  },
});
const RUNS = Number(opts.runs);
const CONFIGS = featureVariants;
const bins = [
  { suffix: '', bin: BIN },
  ...compareBins(opts['compare-bin']).map(({ label, bin }) => ({ suffix: `@${label}`, bin })),
];

/** @typedef {{ name: string, gateway: boolean, argv: string[] }} Variant */
/** @type {Variant[]} */
const variants = [
  { name: 'direct', gateway: false, argv: [process.execPath, ECHO] },
  { name: 'floor', gateway: false, argv: [process.execPath, FLOOR, process.execPath, ECHO] },
];
for (const name of opts.variants.split(',').filter((n) => n !== '')) {
  const extra = CONFIGS[name];
  if (extra === undefined) {
    console.error(`unknown variant ${name}; known: ${Object.keys(CONFIGS).join(', ')}`);
    process.exit(2);
  }
  for (const { suffix, bin } of bins) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-first-call-'));
    const config = path.join(dir, 'mcp-gateway.config.json');
    writeFileSync(
      config,
      JSON.stringify({ servers: { echo: { command: process.execPath, args: [ECHO] } }, ...extra }),
    );
    variants.push({
      name: `${name}${suffix}`,
      gateway: true,
      argv: [process.execPath, bin, '--config', config],
    });
  }
}

/**
 * @typedef {{ initMs: number, callMs: number, cpuMs: number, spawnedMs?: number,
 *   spawnedCpuMs?: number, backendInitMs?: number, forwardedMs?: number, builtMs?: number }} Sample
 */

/** One start: the client's times, the relay's CPU at the result, the gateway's trace. */
const start = (/** @type {Variant} */ variant) =>
  /** @type {Promise<Sample>} */ (
    new Promise((resolve, reject) => {
      const started = performance.now();
      const [command, ...args] = variant.argv;
      const child = spawn(/** @type {string} */ (command), args, {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, MCP_GATEWAY_TRACE_STARTUP: variant.gateway ? '1' : '0' },
      });
      child.once('error', reject);
      // The trace's times are the gateway's (ms since its process started): only differences
      // between its own lines are used, and the spawn's offset against the client's clock.
      /** @type {Map<string, { ms: number, cpu: number }>} */
      const trace = new Map();
      onLines(child.stderr, (line) => {
        const match = /^\[startup\] ([\d.]+) ms \(cpu (\d+)\) (.*)$/.exec(line);
        if (match !== null && !trace.has(/** @type {string} */ (match[3])))
          trace.set(/** @type {string} */ (match[3]), {
            ms: Number(match[1]),
            cpu: Number(match[2]),
          });
      });
      const send = (/** @type {unknown} */ message) =>
        child.stdin.write(`${JSON.stringify(message)}\n`);
      const call = () =>
        send({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: {
            name: variant.gateway ? 'echo__echo' : 'echo',
            arguments: { message: 'hello' },
          },
        });
      let initMs = NaN;
      onLines(child.stdout, (line) => {
        const message = JSON.parse(line);
        if (message.id === 1) {
          initMs = performance.now() - started;
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          call();
        } else if (message.id === 2) {
          if (message.error !== undefined || message.result?.isError === true) {
            call();
            return;
          }
          const callMs = performance.now() - started;
          const cpuMs = cpuNs(/** @type {number} */ (child.pid)) / 1e6;
          // The trace's last lines may still be on their way: give them a moment.
          setTimeout(() => {
            child.stdin.end();
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            child.once('exit', () => {
              resolve({ initMs, callMs, cpuMs, ...fromTrace(trace) });
            });
          }, 20);
        }
      });
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'mcp-gateway-first-call', version: '1' },
        },
      });
    })
  );

/** The trace's steps that split the first call: all in ms since the gateway process started. */
const fromTrace = (/** @type {Map<string, { ms: number, cpu: number }>} */ trace) => {
  // The bin's spawn (cli/launch-children.ts), else `run`'s from the config text, else the pool's.
  const spawn =
    trace.get('backends spawned at launch (1)') ??
    trace.get('backends spawned from the config text (1)') ??
    trace.get('backends spawned');
  const backendInit = trace.get('backend echo: initialize answered; tools/list sent')?.ms;
  const forwarded = (
    trace.get('call echo__echo: listing reviewed, forwarded') ??
    trace.get('call echo__echo: forwarded')
  )?.ms;
  const built = trace.get('gateway built')?.ms;
  return {
    ...(spawn === undefined ? {} : { spawnedMs: spawn.ms, spawnedCpuMs: spawn.cpu }),
    ...(backendInit === undefined ? {} : { backendInitMs: backendInit }),
    ...(forwarded === undefined ? {} : { forwardedMs: forwarded }),
    ...(built === undefined ? {} : { builtMs: built }),
  };
};

const median = (/** @type {number[]} */ xs) => {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.floor(sorted.length / 2)] ?? NaN);
};

/** @type {Map<string, Sample[]>} */
const samples = new Map(variants.map((v) => [v.name, []]));
// Each gateway's first start writes its tool cache; the measured starts are warm.
for (const variant of variants) if (variant.gateway) await start(variant);
for (let round = 0; round < RUNS; round++) {
  for (const variant of round % 2 === 0 ? variants : [...variants].reverse())
    samples.get(variant.name)?.push(await start(variant));
}

const direct = samples.get('direct') ?? [];
const f = (/** @type {number} */ n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
console.log(
  `runs=${RUNS} node=${process.version} load=${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(',')}`,
);
console.log(
  'variant            init ms  call ms  call−direct  CPU ms │ spawn at  (CPU)  backend init−direct init  forwarded after backend init  built at',
);
for (const variant of variants) {
  const own = samples.get(variant.name) ?? [];
  const m = (/** @type {(s: Sample) => number} */ pick) => median(own.map(pick));
  console.log(
    [
      variant.name.padEnd(17),
      f(m((s) => s.initMs)).padStart(8),
      f(m((s) => s.callMs)).padStart(8),
      f(median(own.map((s, i) => s.callMs - (direct[i]?.callMs ?? NaN)))).padStart(12),
      f(m((s) => s.cpuMs)).padStart(7),
      '│',
      f(m((s) => s.spawnedMs ?? NaN)).padStart(8),
      f(m((s) => s.spawnedCpuMs ?? NaN)).padStart(6),
      f(
        median(
          own.map(
            (s, i) => (s.backendInitMs ?? NaN) - (s.spawnedMs ?? NaN) - (direct[i]?.initMs ?? NaN),
          ),
        ),
      ).padStart(25),
      f(
        m((s) => (s.forwardedMs ?? NaN) - (s.backendInitMs ?? NaN)),
        1,
      ).padStart(29),
      f(m((s) => s.builtMs ?? NaN)).padStart(9),
    ].join(' '),
  );
}
console.log(JSON.stringify(Object.fromEntries(samples)));
