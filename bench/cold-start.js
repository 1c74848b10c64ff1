// @ts-check
// Time to the first tools/list: a backend started directly (cold) vs the gateway in front of it
// with a warm tool cache (its second start), alternating, in one run. `node bench/cold-start.js [--runs 5]`
//
// `--first-call [--compare-bin [LABEL=]OTHER/bin/mcp-gateway.js,...] [--runs 12]`: instead, the
// CPU the gateway process (all its threads, GC included; /proc schedstat) has used when the first
// tools/call result reaches the agent, warm cache, bench/echo-server.mjs behind it, the agent
// sending initialize, initialized and the call at once; each build's starts alternate with the
// others', so a loaded machine stretches them alike. `--cpu-prof DIR` profiles every start.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { onLines } from './child-rpc.js';
import { cpuNs } from './proc-cpu.js';
import { compareBins } from './variants.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mcp-gateway.js');
const EVERYTHING = path.join(
  ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'server-everything',
  'dist',
  'index.js',
);
const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    'first-call': { type: 'boolean', default: false },
    'compare-bin': { type: 'string', default: '' },
    'cpu-prof': { type: 'string' },
  },
});
const median = (/** @type {number[]} */ xs) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const RUNS = Number(values.runs ?? (values['first-call'] ? '12' : '5'));
if (values['first-call']) {
  await firstCallCpu();
  process.exit(0);
}

/**
 * Spawns `argv` (stderr ignored) and hands every JSON line it writes to `onMessage` with a `send`
 * that writes one line to its stdin; then sends `initialize` as id 1, plus `after` right behind it.
 * @param {string[]} argv
 * @param {string} clientName
 * @param {(message: any, send: (message: unknown) => void, child: import('node:child_process').ChildProcess) => void} onMessage
 * @param {unknown[]} [after]
 */
function jsonLinesChild(argv, clientName, onMessage, after = []) {
  const [command, ...args] = argv;
  const child = spawn(/** @type {string} */ (command), args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (/** @type {unknown} */ message) =>
    child.stdin.write(`${JSON.stringify(message)}\n`);
  onLines(child.stdout, (line) => {
    onMessage(JSON.parse(line), send, child);
  });
  send({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: clientName, version: '1' },
    },
  });
  for (const message of after) send(message);
  return child;
}

/**
 * Ends the child's stdin and resolves with `value` once it has exited.
 * @param {import('node:child_process').ChildProcess} child
 * @param {(value: any) => void} resolve
 * @param {unknown} value
 */
function finish(child, resolve, value) {
  child.once('exit', () => {
    resolve(value);
  });
  child.stdin?.end();
}

/** Spawns a command, sends initialize + tools/list, resolves with ms to a non-empty tool list. */
const timeToTools = (/** @type {string[]} */ argv) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = jsonLinesChild(argv, 'cold-start', (message, send, self) => {
      if (message.id === 1) {
        send({ jsonrpc: '2.0', method: 'notifications/initialized' });
        send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
      } else if (message.id === 2) {
        if ((message.result?.tools?.length ?? 0) === 0)
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        else finish(self, resolve, performance.now() - started);
      }
    });
    child.once('error', reject);
  });

const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-cold-'));
const config = path.join(dir, 'mcp-gateway.config.json');
writeFileSync(
  config,
  JSON.stringify({
    servers: { everything: { command: process.execPath, args: [EVERYTHING, 'stdio'] } },
  }),
);
const direct = [process.execPath, EVERYTHING, 'stdio'];
const gateway = [process.execPath, BIN, '--config', config];
await timeToTools(gateway); // warms the tool cache (and the pins)

/** @type {number[]} */ const directTimes = [];
/** @type {number[]} */ const gatewayTimes = [];
for (let i = 0; i < RUNS; i++) {
  directTimes.push(/** @type {number} */ (await timeToTools(direct)));
  gatewayTimes.push(/** @type {number} */ (await timeToTools(gateway)));
}
const ratio = median(gatewayTimes) / median(directTimes);
console.log(
  `first tools/list, median of ${RUNS}: direct cold ${median(directTimes).toFixed(0)} ms, gateway with warm cache ${median(gatewayTimes).toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
);
console.log(JSON.stringify({ directMs: directTimes, gatewayWarmCacheMs: gatewayTimes, ratio }));

/** The `--first-call` mode (see the top of this file). */
async function firstCallCpu() {
  const echo = path.join(ROOT, 'bench', 'echo-server.mjs');
  const bins = [{ label: 'this', bin: BIN }, ...compareBins(values['compare-bin'])];
  const profDir = values['cpu-prof'];
  if (profDir !== undefined) mkdirSync(profDir, { recursive: true });
  /** One start: ms and CPU ms of the gateway process when the first result arrived. */
  const start = (
    /** @type {string} */ bin,
    /** @type {string} */ config,
    /** @type {string} */ name,
  ) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const prof =
        profDir === undefined
          ? []
          : ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', `${name}.cpuprofile`];
      const call = { name: 'echo__echo', arguments: { message: 'hello' } };
      const callMessage = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: call };
      const argv = [process.execPath, ...prof, bin, '--config', config];
      const after = [{ jsonrpc: '2.0', method: 'notifications/initialized' }, callMessage];
      const child = jsonLinesChild(
        argv,
        'first-call',
        (message, send, self) => {
          if (message.id !== 2) return;
          if (message.error !== undefined || message.result?.isError === true) {
            send(callMessage);
            return;
          }
          const ms = performance.now() - started;
          finish(self, resolve, { ms, cpuMs: cpuNs(/** @type {number} */ (self.pid)) / 1e6 });
        },
        after,
      );
      child.once('error', reject);
    });
  const runs = bins.map(({ label, bin }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-first-call-'));
    const config = path.join(dir, 'mcp-gateway.config.json');
    writeFileSync(
      config,
      JSON.stringify({ servers: { echo: { command: process.execPath, args: [echo] } } }),
    );
    /** @type {{ ms: number, cpuMs: number }[]} */
    const samples = [];
    return { label, bin, config, samples };
  });
  for (const run of runs) await start(run.bin, run.config, `${run.label}-warm`); // the tool cache
  for (let i = 0; i < RUNS; i++)
    for (const run of i % 2 === 0 ? runs : [...runs].reverse())
      run.samples.push(
        /** @type {{ ms: number, cpuMs: number }} */ (
          await start(run.bin, run.config, `${run.label}-${i}`)
        ),
      );
  for (const run of runs) {
    const cpu = median(run.samples.map((s) => s.cpuMs));
    const ms = median(run.samples.map((s) => s.ms));
    console.log(
      `${run.label.padEnd(8)} CPU to first result median ${cpu.toFixed(0)} ms, wall ${ms.toFixed(0)} ms (${RUNS} starts)`,
    );
  }
  const [self, other] = runs;
  if (self !== undefined && other !== undefined) {
    const diffs = self.samples.map((s, i) => s.cpuMs - (other.samples[i]?.cpuMs ?? NaN));
    console.log(
      `${self.label} - ${other.label}: CPU median of pair differences ${median(diffs).toFixed(1)} ms`,
    );
  }
  console.log(JSON.stringify(runs.map(({ label, samples }) => ({ label, samples }))));
}
