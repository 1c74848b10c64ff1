import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

/** TCP connections open at once unless `maxConnections` says otherwise. */
export const DEFAULT_MAX_CONNECTIONS = 256;

/** How often at most the limit being reached is reported. */
const REPORT_EVERY_MS = 60_000;

/**
 * Caps the TCP connections an HTTP server holds. A connection over the cap makes room by closing
 * the oldest connection that is serving nothing (a client's idle keep-alive, or a socket that
 * never finished a request): sockets opened and left idle cannot lock real clients out, and a
 * request being answered or a stream being sent is never cut. When every connection is busy,
 * the new one is closed at once.
 */
export const limitConnections = (
  server: HttpServer,
  options: {
    readonly max: number;
    readonly onFull: (message: string) => void;
    readonly now: () => number;
  },
): void => {
  // Every open socket, oldest first, with the number of its responses not yet finished.
  const open = new Map<Socket, number>();
  let reported = -Infinity;
  const report = (what: string): void => {
    const now = options.now();
    if (now - reported < REPORT_EVERY_MS) return;
    reported = now;
    options.onFull(
      `${String(options.max)} connections are open, the most this gateway holds (serve --max-connections); ${what}`,
    );
  };
  server.on('connection', (socket: Socket) => {
    open.set(socket, 0);
    socket.once('close', () => open.delete(socket));
    if (open.size <= options.max) return;
    for (const [other, busy] of open) {
      if (busy > 0 || other === socket) continue;
      open.delete(other);
      other.destroy();
      report('idle connections are closed to make room for new ones');
      return;
    }
    open.delete(socket);
    socket.destroy();
    report('every one is busy, so new connections are refused');
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    const busy = open.get(socket);
    if (busy === undefined) return;
    open.set(socket, busy + 1);
    res.once('close', () => {
      const now = open.get(socket);
      if (now !== undefined) open.set(socket, now - 1);
    });
  });
};
