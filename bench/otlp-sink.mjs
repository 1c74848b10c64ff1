// @ts-check
// A live OTLP/HTTP receiver for `npm run bench`: accepts every export with 200 and counts what
// it got, without decoding (the gateway's cost is what is measured, not a collector's).
// Prints `listening on URL` on stdout; on SIGTERM prints its counts to stderr and exits.
import { createServer } from 'node:http';

/** @type {Record<string, { requests: number; bytes: number }>} */
const received = {};
const server = createServer((req, res) => {
  const path = req.url ?? '';
  const entry = (received[path] ??= { requests: 0, bytes: 0 });
  req.on('data', (/** @type {Buffer} */ chunk) => {
    entry.bytes += chunk.length;
  });
  req.on('end', () => {
    entry.requests++;
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => {
  process.stderr.write(`otlp-sink received ${JSON.stringify(received)}\n`);
  server.close();
  process.exit(0);
});
