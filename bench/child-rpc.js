// @ts-check
// What the benchmarks share to talk to a process they spawned: its inspector (`--inspect`), its
// output line by line, and JSON-RPC requests over its stdio.

/**
 * Calls `onLine` with each complete line `stream` writes (without its newline), in order.
 * @param {import('node:stream').Readable} stream
 * @param {(line: string) => void} onLine
 */
export function onLines(stream, onLine) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (/** @type {string} */ chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      onLine(line);
    }
  });
}

/**
 * The gateway's inspector, opened from the address it prints on stderr (`--inspect`): `send`
 * a method, get its result. Needs a Node with WebSocket (`--experimental-websocket` on Node 20).
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<{ send: (method: string, params?: unknown) => Promise<any>; socket: WebSocket }>}
 */
export function inspectorOf(child) {
  return new Promise((resolve) => {
    const stderr = /** @type {import('node:stream').Readable} */ (child.stderr);
    stderr.setEncoding('utf8');
    stderr.on('data', (/** @type {string} */ text) => {
      const match = /(ws:\/\/\S+)/.exec(text);
      if (match === null) return;
      const socket = new WebSocket(/** @type {string} */ (match[1]));
      let id = 0;
      /** @type {Map<number, (result: any) => void>} */
      const waiting = new Map();
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data));
        waiting.get(message.id)?.(message.result);
      });
      /** @type {(method: string, params?: unknown) => Promise<any>} */
      const send = (method, params = {}) =>
        new Promise((done) => {
          waiting.set(++id, done);
          socket.send(JSON.stringify({ id, method, params }));
        });
      socket.addEventListener('open', () => {
        resolve({ send, socket });
      });
    });
  });
}

/**
 * JSON-RPC over the child's stdin/stdout, newline-delimited: `request` sends one and resolves with the
 * message that answers it. A stdout line that is not JSON (V8's `--trace-*` output) goes to `other`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {(line: string) => void} other
 * @returns {(method: string, params?: unknown) => Promise<any>}
 */
export function stdioRpc(child, other) {
  const stdin = /** @type {import('node:stream').Writable} */ (child.stdin);
  const stdout = /** @type {import('node:stream').Readable} */ (child.stdout);
  /** @type {Map<number, (message: any) => void>} */
  const pending = new Map();
  let nextId = 1;
  let partial = '';
  stdout.setEncoding('utf8');
  stdout.on('data', (/** @type {string} */ chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = /** @type {string} */ (lines.pop());
    for (const line of lines) {
      if (line === '') continue;
      if (!line.startsWith('{')) {
        other(line);
        continue;
      }
      const message = JSON.parse(line);
      const resolve = pending.get(message.id);
      if (resolve !== undefined) {
        pending.delete(message.id);
        resolve(message);
      }
    }
  });
  return (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
}
