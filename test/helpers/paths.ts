import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for spawning the built CLI and fixtures. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'mcp-gateway.js');
export const FIXTURE_SERVER = path.join(ROOT, 'test', 'fixtures', 'servers', 'fixture-server.mjs');
export const EVERYTHING_SERVER = path.join(
  ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'server-everything',
  'dist',
  'index.js',
);
export const MEMORY_SERVER = path.join(
  ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'server-memory',
  'dist',
  'index.js',
);
export const FILESYSTEM_SERVER = path.join(
  ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'server-filesystem',
  'dist',
  'index.js',
);
export const CONFORMANCE_SERVER = path.join(ROOT, 'test', 'fixtures', 'conformance', 'server.mjs');
/** Writes what a test tells it to (fuzzing a backend's side); see the file's header. */
export const REPLAY_SERVER = path.join(ROOT, 'test', 'fixtures', 'servers', 'replay-server.mjs');
export const SSE_SERVER = path.join(ROOT, 'test', 'fixtures', 'servers', 'sse-server.mjs');
/** Stand-ins for a web fetch server, an issue tracker and a mail server (flow control). */
export const WEB_SERVER = path.join(ROOT, 'test', 'fixtures', 'servers', 'web-server.mjs');
export const ISSUES_SERVER = path.join(ROOT, 'test', 'fixtures', 'servers', 'issues-server.mjs');
export const MAIL_SERVER = path.join(ROOT, 'test', 'fixtures', 'servers', 'mail-server.mjs');
