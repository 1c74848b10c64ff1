// @ts-check
// Where the scanner's time goes, layer by layer, on one text: a CPU profile of scanner.scanText (node:inspector,
// in process), its samples summed per layer entry point (inclusive: a layer's own code, the regexes it runs and
// what it calls) and per module (self time).
//   node scripts/bench-scan-layers.js [--dist dir] [--text benign|mixed|adversarial] [--runs N] [--warm N] [--modules N]
//     [--functions N]
// Texts: the benign corpus concatenated (`benign`, default; SCANNER_CORPUS_DIR, default
// /work/shared/corpus/injection), 1 MB of log/prose/code (`mixed`, the eval's) or 1 MiB of every detector's
// keywords mixed (`adversarial`, as bench-scan-speed.js builds it). One warm-up scan of the first
// 64 KiB and --warm scans of the whole text (default 1: the speed bench reports the best of three, so a warm
// process), then --runs scans of the whole text under the profiler. Figures are ms per MB (UTF-8) and the share of
// the profiled time (ms per MB: that share of the CPU time the profiled scans took); on a loaded machine compare
// shares and same-run ratios, not absolute times. The build runs under the V8 regex flag its CLI sets, if any.
import { Session } from 'node:inspector/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { MIXED_SAMPLE } from '../bench/sample-text.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const dist = resolve(arg('--dist', resolve(here, '../dist')));
const which = arg('--text', 'benign');
const runs = Number(arg('--runs', '2'));
const moduleRows = Number(arg('--modules', '14'));
const functionRows = Number(arg('--functions', '0'));
const warm = Number(arg('--warm', '1'));
const corpusDir = process.env['SCANNER_CORPUS_DIR'] ?? '/work/shared/corpus/injection';

// The V8 regex flag the build's CLI sets (src/cli/regexp-flags.ts), if it sets one: profiled as its gateway runs.
if (existsSync(`${dist}/cli/regexp-flags.js`)) {
  const { regexpFlags } = await import(pathToFileURL(`${dist}/cli/regexp-flags.js`).href);
  const flags = regexpFlags(process.execArgv.join(' '));
  if (flags !== '') setFlagsFromString(flags);
}
const { createScanner } = await import(pathToFileURL(`${dist}/core/scanner/scanner.js`).href);
const { detectors } = await import(pathToFileURL(`${dist}/core/scanner/detectors.js`).href);
/** The adversarial text of bench-scan-speed.js: every detector's keywords, mixed, 1 MiB. */
const adversarial = () => {
  /** @type {string[]} */
  const keywords = detectors.flatMap((/** @type {any} */ d) => d.keywords);
  let out = '';
  for (let i = 0; out.length < 1 << 20; i++) out += `${keywords[(i * 7919) % keywords.length]} `;
  return out.slice(0, 1 << 20);
};
const text =
  which === 'mixed'
    ? MIXED_SAMPLE.repeat(Math.ceil(1_000_000 / MIXED_SAMPLE.length)).slice(0, 1_000_000)
    : which === 'adversarial'
      ? adversarial()
      : readFileSync(`${corpusDir}/benign.jsonl`, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l).text)
          .join('\n');
const megabytes = Buffer.byteLength(text) / 1e6;

// Layer entry points, each `file:function` (the file under dist/core/scanner/, `*` for any function of it; a row
// may list several: builds before and after a change name their parts differently). Rows nest: an indented row is
// part of the row above it (runDetector includes the lexicon's verify functions, etc.).
/** @type {string[][]} */
const layers = [
  ['scan (all layers)', 'scan-text.js:scanText'],
  ['keyword pass', 'scan-text.js:group'],
  ['detector patterns', 'scan-text.js:runDetector'],
  ['  lexicon verify', 'lexicon/:*'],
  ['directive layer', 'directive.js:findDirectives'],
  ['register layer', 'register-shift.js:findRegisterShifts'],
  ['  candidate units', 'register-shift.js:candidateUnits'],
  ['  classify', 'register-shift.js:classify'],
  ['    addresses agent', 'register-shift.js:addressesAgent'],
  ['    addresses reader', 'register-shift.js:addressesReader'],
  ['  asks (pushAsks)', 'register-shift.js:pushAsks'],
  ['  topic words', 'register-shift.js:contentWords', 'word-runs.js:*'],
  ['  deferrals', 'register-shift.js:deferrals'],
  ['  quoted examples', 'quoted-example.js:*'],
  ['deobfuscated views', 'scan-text.js:scanDeobfuscated'],
  ['  deobfuscate', 'deobfuscate.js:deobfuscate'],
  ['decoded payloads', 'scan-text.js:scanDecoded'],
  ['  find payloads', 'decode.js:findEncodedPayloads'],
  ['joined JSON', 'scan-text.js:scanJoinedJson'],
  ['hidden characters', 'hidden.js:findHiddenChannels'],
  ['secrets', 'secrets.js:secretsAt'],
  ['dedupe', 'scan-text.js:dedupe'],
  ['garbage collector', ':(garbage collector)'],
];

const scanner = createScanner();
scanner.scanText(text.slice(0, 65536), 'text');
for (let w = 0; w < warm; w++) scanner.scanText(text, 'text');

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const cpu = process.cpuUsage();
for (let r = 0; r < runs; r++) scanner.scanText(text, 'text');
const used = process.cpuUsage(cpu);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

/** @type {Map<number, number>} */
const self = new Map();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
for (let i = 0; i < samples.length; i++) {
  const id = samples[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
/** @type {Map<number, number>} */
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const scannerRoot = pathToFileURL(`${dist}/core/scanner/`).href;
const fileOf = (/** @type {string} */ url) =>
  url.startsWith(scannerRoot) ? url.slice(scannerRoot.length) : url === '' ? '(native)' : url;

/** @type {number[]} */
const inclusive = layers.map(() => 0);
/** @type {Map<string, number>} */
const byModule = new Map();
/** @type {Map<string, number>} */
const byFunction = new Map();
let total = 0;
for (const [id, us] of self) {
  total += us;
  const leaf = nodes.get(id);
  const leafFile = leaf ? fileOf(leaf.callFrame.url) : '(native)';
  byModule.set(leafFile, (byModule.get(leafFile) ?? 0) + us);
  const leafName = leaf?.callFrame.functionName ?? '';
  const fn = `${leafFile}:${leafName === '' ? '(anonymous)' : leafName}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  // Each layer counts a sample once, however deep its entry point recurs in the stack.
  const hit = layers.map(() => false);
  for (let frame = nodes.get(id)?.callFrame, x = id; frame;) {
    const file = fileOf(frame.url);
    const name = frame.functionName;
    layers.forEach(([, ...entries], i) => {
      if (hit[i]) return;
      for (const entry of entries) {
        const [f = '', fn = ''] = entry.split(':');
        const fileMatch = f === '' || (f.endsWith('/') ? file.startsWith(f) : file === f);
        if (fileMatch && (fn === '*' || name === fn)) hit[i] = true;
      }
    });
    const up = parent.get(x);
    if (up === undefined) break;
    x = up;
    frame = nodes.get(x)?.callFrame;
  }
  hit.forEach((h, i) => {
    if (h) inclusive[i] = (inclusive[i] ?? 0) + us;
  });
}

// The profiler's samples are wall-clock time (on a loaded machine, time the process was not running counts too):
// they give the shares, and the shares of the CPU time measured give ms per MB.
const cpuMs = (used.user + used.system) / 1000 / runs;
const perMb = (/** @type {number} */ us) =>
  (((us / total) * cpuMs) / megabytes).toFixed(1).padStart(8);
const share = (/** @type {number} */ us) => `${((100 * us) / total).toFixed(1)}%`.padStart(7);
console.log(
  `${which}: ${megabytes.toFixed(2)} MB, ${runs} run(s) profiled, ${(megabytes / (cpuMs / 1000)).toFixed(1)} MB/s under the profiler (${dist})`,
);
console.log(`${'layer (inclusive)'.padEnd(26)}  ms/MB   share`);
layers.forEach(([label = ''], i) => {
  console.log(`${label.padEnd(26)}${perMb(inclusive[i] ?? 0)}${share(inclusive[i] ?? 0)}`);
});
console.log(`${'module (self)'.padEnd(26)}  ms/MB   share`);
for (const [file, us] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, moduleRows))
  console.log(`${file.slice(-26).padEnd(26)}${perMb(us)}${share(us)}`);
if (functionRows > 0) {
  // Self time per function: a regex's native code counts to the function that ran it.
  console.log(`${'function (self)'.padEnd(40)}  ms/MB   share`);
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, functionRows))
    console.log(`${fn.slice(-40).padEnd(40)}${perMb(us)}${share(us)}`);
}
