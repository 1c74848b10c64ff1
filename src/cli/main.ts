import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runCli } from './program.js';

// The gateway is a long-lived relay whose live data stays small (≈ 15 MB) while every call
// allocates and drops its messages: by default V8 lets the young generation grow to 32 MB and
// promoted garbage pile up in the old space before it collects, so a busy gateway's RSS ends
// 40–50 MB above what it holds. Favouring size makes V8 collect sooner (docs/performance.md,
// "Memory"). Set here, before the CLI's code has allocated much: heap sizes fixed at start-up
// (the semi-space maximum) cannot change any more, the collector's growing strategy can.
setFlagsFromString('--optimize-for-size');

/** The bin entry: the only place that touches process.argv and process.exitCode. */
const binPath = fileURLToPath(new URL('../../bin/mcp-gateway.js', import.meta.url));
process.exitCode = await runCli(process.argv, {
  streams: { stdout: process.stdout, stderr: process.stderr },
  env: process.env,
  cwd: process.cwd(),
  binPath,
  stdin: process.stdin,
});
