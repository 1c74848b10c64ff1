// @ts-check
// The floor: the least a Node process can do to relay MCP over stdio, so `npm run bench` can
// show what the gateway adds beyond any relay. No SDK, no checks, no features: read newline-
// delimited JSON from each side, parse each message once, give requests to the backend ids of
// its own (as every relay that may originate requests must), serialise once, write.
//
//   node bench/floor-relay.mjs COMMAND [ARGS…]
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('usage: node bench/floor-relay.mjs COMMAND [ARGS…]\n');
  process.exit(2);
}
const backend = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });

/** Splits a byte stream into lines; only each new chunk is searched for the newline. */
const onLines = (
  /** @type {NodeJS.ReadableStream} */ stream,
  /** @type {(line: string) => void} */ handle,
) => {
  /** @type {Buffer[]} */
  let pending = [];
  stream.on('data', (/** @type {Buffer} */ chunk) => {
    let start = 0;
    let newline;
    while ((newline = chunk.indexOf(10, start)) !== -1) {
      const piece = chunk.subarray(start, newline);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      start = newline + 1;
      if (line.length > 0) handle(line.toString('utf8'));
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
};

/** Our id for a request sent to the backend → the agent's own id. */
const agentIds = new Map();
let nextId = 0;

onLines(process.stdin, (line) => {
  const message = JSON.parse(line);
  if (message.method !== undefined && message.id !== undefined) {
    const id = ++nextId;
    agentIds.set(id, message.id);
    message.id = id;
  }
  backend.stdin.write(`${JSON.stringify(message)}\n`);
});

onLines(/** @type {NodeJS.ReadableStream} */ (backend.stdout), (line) => {
  const message = JSON.parse(line);
  if (message.method === undefined && agentIds.has(message.id)) {
    const id = agentIds.get(message.id);
    agentIds.delete(message.id);
    message.id = id;
  }
  process.stdout.write(`${JSON.stringify(message)}\n`);
});

process.stdin.on('end', () => backend.stdin.end());
backend.on('exit', (code) => process.exit(code ?? 0));
