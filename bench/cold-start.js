// @ts-check
// Time to the first tools/list: a backend started directly (cold) vs the gateway in front of it
// with a warm tool cache (its second start), alternating, in one run. `node bench/cold-start.js [--runs 5]`
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);

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

const median = (/** @type {number[]} */ xs) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
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
