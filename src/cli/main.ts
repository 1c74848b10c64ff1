import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runCli } from './program.js';
import { regexpFlags } from './regexp-flags.js';

// The gateway is a long-lived relay whose live data stays small (15-16 MB in heap snapshots)
// while every call allocates and drops its messages: left alone, V8 grows the young generation
// to 32 MB and lets promoted garbage fill the old space up to 4x the live size before a full
// collection, so a busy gateway's RSS ends 45-60 MB above what it holds. Keeping the young
// generation at its initial size and the old space within 1.2x of the live data costs some
// CPU per call in more frequent collections (docs/performance.md, "Memory"), and most of all
// on large results: a 1 MB string no longer fits the young generation, goes to the old space's
// large objects, and the tight old space then collects in full about every other 1 MB round
// trip (~13 ms of CPU each; measured again in "Seventh round: the relay core", where the
// trade is weighed: kept for the memory target). Set before the CLI has allocated much; flags
// the user gave node (NODE_OPTIONS, or node's command line) for either are left alone.
const chosen = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;
if (!/semi[-_]space|heap[-_]growing|optimize[-_]for[-_]size/.test(chosen))
  setFlagsFromString('--semi-space-growth-factor=1 --heap-growing-percent=20');
// Regexes compiled to native code at their first run: the scanner's patterns run faster so (regexp-flags.ts).
const regexp = regexpFlags(chosen);
if (regexp !== '') setFlagsFromString(regexp);

/** The bin entry: the only place that touches process.argv and process.exitCode. */
const binPath = fileURLToPath(new URL('../../bin/mcp-gateway.js', import.meta.url));
process.exitCode = await runCli(process.argv, {
  streams: { stdout: process.stdout, stderr: process.stderr },
  env: process.env,
  cwd: process.cwd(),
  binPath,
  stdin: process.stdin,
});
