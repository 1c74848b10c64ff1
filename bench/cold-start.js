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
import { cpuNs } from './proc-cpu.js';

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

/** Spawns a command, sends initialize + tools/list, resolves with ms to a non-empty tool list. */
const timeToTools = (/** @type {string[]} */ argv) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const [command, ...args] = argv;
    const child = spawn(/** @type {string} */ (command), args, {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let buffer = '';
    const send = (/** @type {unknown} */ message) =>
      child.stdin.write(`${JSON.stringify(message)}\n`);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (/** @type {string} */ chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const message = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        if (message.id === 1) {
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        } else if (message.id === 2) {
          if ((message.result?.tools?.length ?? 0) === 0) {
            send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
            continue;
          }
          const ms = performance.now() - started;
          child.once('exit', () => {
            resolve(ms);
          });
          child.stdin.end();
        }
      }
    });
    child.once('error', reject);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'cold-start', version: '1' },
      },
    });
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
  const bins = [
    { label: 'this', bin: BIN },
    ...values['compare-bin']
      .split(',')
      .filter((entry) => entry !== '')
      .map((entry) => {
        const at = entry.indexOf('=');
        return at === -1
          ? { label: 'base', bin: path.resolve(entry) }
          : { label: entry.slice(0, at), bin: path.resolve(entry.slice(at + 1)) };
      }),
  ];
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
      const child = spawn(process.execPath, [...prof, bin, '--config', config], {
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      let buffer = '';
      const send = (/** @type {unknown} */ message) =>
        child.stdin.write(`${JSON.stringify(message)}\n`);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (/** @type {string} */ chunk) => {
        buffer += chunk;
        let newline;
        while ((newline = buffer.indexOf('\n')) !== -1) {
          const message = JSON.parse(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
          if (message.id !== 2) continue;
          if (message.error !== undefined || message.result?.isError === true) {
            send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: call });
            continue;
          }
          const result = {
            ms: performance.now() - started,
            cpuMs: cpuNs(/** @type {number} */ (child.pid)) / 1e6,
          };
          child.once('exit', () => {
            resolve(result);
          });
          child.stdin.end();
        }
      });
      child.once('error', reject);
      const call = { name: 'echo__echo', arguments: { message: 'hello' } };
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'first-call', version: '1' },
        },
      });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: call });
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
