import { createServer, request } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { limitConnections } from './connection-limit.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A server whose /slow answers only when released; returns its port and the warnings. */
const start = async (max: number) => {
  const waiting: (() => void)[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/slow') waiting.push(() => res.end('slow done'));
    else res.end('ok');
  });
  const warnings: string[] = [];
  limitConnections(server, { max, onFull: (m) => warnings.push(m), now: () => Date.now() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    port: (server.address() as AddressInfo).port,
    warnings,
    release: () => {
      for (const end of waiting.splice(0)) end();
    },
  };
};

const get = (port: number, path: string) =>
  new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        resolve(body);
      });
    });
    req.on('error', reject);
    req.end();
  });

const openIdle = (port: number) =>
  new Promise<{ socket: net.Socket; closed: () => boolean }>((resolve) => {
    let closed = false;
    const socket = net.connect(port, '127.0.0.1', () => {
      resolve({ socket, closed: () => closed });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
    cleanups.push(() => socket.destroy());
  });

describe('limitConnections', () => {
  test('a busy connection is never cut; idle ones make room, oldest first', async () => {
    const { port, warnings, release } = await start(3);
    const slow = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = await openIdle(port);
    const second = await openIdle(port);
    // Over the cap: the oldest idle socket goes, the busy request stays.
    const third = await openIdle(port);
    await expect.poll(() => first.closed()).toBe(true);
    expect(second.closed()).toBe(false);
    expect(third.closed()).toBe(false);
    expect(warnings[0]).toMatch(/3 connections are open.*idle connections are closed/);
    expect(await get(port, '/fast')).toBe('ok');
    release();
    expect(await slow).toBe('slow done');
  });

  test('when every connection is busy, a new one is refused', async () => {
    const { port, warnings, release } = await start(2);
    const slow = [get(port, '/slow'), get(port, '/slow')];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await openIdle(port);
    await expect.poll(() => refused.closed()).toBe(true);
    expect(warnings[0]).toMatch(/every one is busy/);
    release();
    expect(await Promise.all(slow)).toEqual(['slow done', 'slow done']);
  });
});
