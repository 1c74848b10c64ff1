// @ts-check
// The V8 regex-code cliff, measured: how much native code the scanner's regexes take, per pattern, and what a
// long-running process's scans cost once V8 stops optimising newly compiled regexes.
//   node scripts/bench-scan-cliff.js [--dist dir] [--top N] [--only code|cliff] [--runs N] [--results-only]
// V8 (regexp.cc, TooMuchRegExpCode) compiles a regex without its optimisations once the process has generated
// over 1 MB of regex code in all (freed code counts too) while over 16 MB of executable memory is committed, and
// always for a source over 20 KB. Code compiled before the cliff keeps its speed; what is compiled after it (a
// pattern's first run, its first run on a two-byte string — a text with a ’ or an emoji — or a rerun after V8
// dropped old regex code) runs several times slower for the life of the process.
// Part 1 (code): native code per pattern, one-byte and two-byte subject, measured as the growth of the heap's
// code statistics around the pattern's first run in a process without the JavaScript compilers; the scanner's
// detector table (in the form scan-text.ts runs it: view form, and factored for long windows) by rule, and every
// RegExp reachable from the exports of dist/core/scanner/**, by module and export. Patterns with equal source and
// flags share their code (V8's compilation cache): each is counted once, under the first name that reaches it.
// Part 2 (cliff): the 1 MB log/prose/code text, scanned as a result, in processes of its own: fresh; fresh with
// --no-regexp-optimization (every regex as compiled past the cliff); after the corpus was scanned as results and
// as tool descriptions (a gateway after a while), with the executable memory that decides the cliff; and that
// text with one ’ (a two-byte string, whose regex code is compiled only now) fresh and after the corpus.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { MIXED_SAMPLE } from '../bench/sample-text.mjs';
import { fastestScanMs } from './scan-timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const dist = resolve(arg('--dist', resolve(here, '../dist')));
const top = Number(arg('--top', '25'));
const runs = Number(arg('--runs', '3'));
const only = arg('--only', '');
const corpusDir = process.env['SCANNER_CORPUS_DIR'] ?? '/work/shared/corpus/injection';
const codeBytes = () => v8.getHeapCodeStatistics().code_and_metadata_size;
/** Committed code space (regular and large objects): what V8 compares with its 16 MB. */
const executableMb = () =>
  v8
    .getHeapSpaceStatistics()
    .filter((s) => s.space_name.startsWith('code'))
    .reduce((sum, s) => sum + s.space_size, 0) / 1e6;
const mixed = MIXED_SAMPLE.repeat(Math.ceil(1_000_000 / MIXED_SAMPLE.length)).slice(0, 1_000_000);
const scannerUrl = (/** @type {string} */ file) =>
  pathToFileURL(join(dist, 'core/scanner', file)).href;

/** The corpus texts (attacks, then benign). */
const corpusTexts = () =>
  ['attacks.jsonl', 'benign.jsonl'].flatMap((f) =>
    existsSync(`${corpusDir}/${f}`)
      ? readFileSync(`${corpusDir}/${f}`, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => String(JSON.parse(l).text))
      : [],
  );

/** What a gateway scans after a while: the corpus as results, every third text also as a tool description. */
function longRun(/** @type {any} */ scanner, /** @type {boolean} */ descriptions) {
  const context = { server: 'bench', otherServers: [], otherToolNames: [] };
  corpusTexts().forEach((t, i) => {
    scanner.scanText(t, 'text');
    // A gateway reviews the same few tools again and again: 20 names (each name compiles patterns of its own).
    if (descriptions && i % 3 === 0)
      scanner.scanTool(
        { name: `tool_${i % 20}`, description: t, inputSchema: { type: 'object' } },
        context,
      );
  });
}

if (process.argv.includes('--seen-child')) {
  // Child: the regexes the long run executes, each with the scanner module that ran it first and whether it saw a
  // two-byte subject. A replaced exec is what every RegExp method and string method calls.
  /** @type {Map<string, { source: string, flags: string, file: string, one: boolean, two: boolean }>} */
  const seen = new Map();
  /** @type {(this: RegExp, subject: string) => RegExpExecArray | null} */
  const exec = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec')?.value;
  let inside = false;
  RegExp.prototype.exec = function (/** @type {string} */ subject) {
    if (inside) return exec.call(this, subject);
    inside = true;
    const key = `${this.flags}/${this.source}`;
    let row = seen.get(key);
    if (row === undefined) {
      const frame = (new Error().stack ?? '')
        .split('\n')
        .find((l) => l.includes('/core/scanner/') && !l.includes('bench-scan-cliff'));
      const file = /core\/scanner\/([\w/-]+)\.js/.exec(frame ?? '')?.[1] ?? '(other)';
      row = { source: this.source, flags: this.flags, file, one: false, two: false };
      seen.set(key, row);
    }
    let wide = false;
    for (let i = 0; i < subject.length && !wide; i++) wide = subject.charCodeAt(i) > 0xff;
    if (wide) row.two = true;
    else row.one = true;
    inside = false;
    return exec.call(this, subject);
  };
  const { createScanner } = await import(scannerUrl('scanner.js'));
  longRun(createScanner(), !process.argv.includes('--results-only'));
  RegExp.prototype.exec = /** @type {any} */ (exec);
  // Written before exiting: a large write to a pipe would be cut short by process.exit.
  process.stdout.write(JSON.stringify([...seen.values()]), () => process.exit(0));
  await new Promise(() => undefined);
}

if (process.argv.includes('--code-child')) {
  // Child: no JavaScript compilers, regexes compiled on their first run; code growth is regex code only.
  /** @type {{ source: string, flags: string, file: string, one: boolean, two: boolean }[]} */
  const seen = JSON.parse(readFileSync(0, 'utf8'));
  const { detectors } = await import(scannerUrl('detectors.js'));
  const { inViewText } = await import(scannerUrl('in-view-text.js'));
  const rewrite = await import(scannerUrl('factor-assertions.js'));
  // A detector's pattern by the sources scan-text.ts may run it as (builds without loopBlanks run it as written).
  /** @type {(source: string) => string} */
  const loop = rewrite.loopBlanks ?? ((source) => source);
  /** @type {Map<string, string>} */
  const ruleOf = new Map();
  for (const d of detectors) {
    const view = d.viewForm ? d.pattern.source : inViewText(d.pattern.source);
    for (const source of [d.pattern.source, view, loop(view)])
      for (const form of [source, rewrite.factorAssertions(source)])
        if (!ruleOf.has(form)) ruleOf.set(form, d.id);
  }
  const rows = seen.map((r) => {
    const re = new RegExp(r.source, r.flags);
    const a = codeBytes();
    if (r.one) re.exec('x');
    const b = codeBytes();
    re.lastIndex = 0;
    if (r.two) re.exec('x\u2019');
    const c = codeBytes();
    const rule = ruleOf.get(r.source);
    const name = rule === undefined ? r.file : `detector ${rule}`;
    return { name, source: r.source.slice(0, 70), one: b - a, two: c - b };
  });
  process.stdout.write(JSON.stringify(rows), () => process.exit(0));
  await new Promise(() => undefined);
}

if (process.argv.includes('--cliff-child')) {
  const mode = arg('--mode', 'fresh');
  const { createScanner } = await import(scannerUrl('scanner.js'));
  const scanner = createScanner();
  const text = mode.endsWith('two-byte') ? `${mixed.slice(0, -1)}\u2019` : mixed;
  if (mode.startsWith('long')) longRun(scanner, !mode.includes('results'));
  const fastest = fastestScanMs((t) => scanner.scanText(t, 'text'), text, runs);
  console.log(JSON.stringify({ mbps: text.length / 1e3 / fastest, executable: executableMb() }));
  process.exit(0);
}

if (only !== 'cliff') {
  const resultsOnly = process.argv.includes('--results-only') ? ['--results-only'] : [];
  const seen = execFileSync(
    process.execPath,
    [self, '--seen-child', '--dist', dist, ...resultsOnly],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const out = execFileSync(
    process.execPath,
    [
      '--no-regexp-tier-up',
      '--no-opt',
      '--no-maglev',
      '--no-sparkplug',
      self,
      '--code-child',
      '--dist',
      dist,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, input: seen },
  );
  /** @type {{ name: string, source: string, one: number, two: number }[]} */
  const rows = JSON.parse(out);
  const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1).padStart(8);
  const total = rows.reduce((s, r) => s + r.one + r.two, 0);
  console.log(
    `Regex native code of what a long run executes (the corpus as results${resultsOnly.length ? '' : ' and descriptions'}), KB, one-byte / two-byte subject:\n${rows.length} distinct patterns, ${kb(total)} KB in all`,
  );
  /** @type {Map<string, { one: number, two: number, n: number }>} */
  const groups = new Map();
  for (const r of rows) {
    const name = r.name.startsWith('detector ') ? r.name.replace(/ \(factored\)$/, '') : r.name;
    const g = groups.get(name) ?? { one: 0, two: 0, n: 0 };
    groups.set(name, { one: g.one + r.one, two: g.two + r.two, n: g.n + 1 });
  }
  console.log(`\nBy rule (detectors) and by module that ran it (the rest), top ${top}:`);
  for (const [name, g] of [...groups]
    .sort((a, b) => b[1].one + b[1].two - (a[1].one + a[1].two))
    .slice(0, top))
    console.log(`${kb(g.one)} ${kb(g.two)}  ${name} (${g.n} pattern${g.n === 1 ? '' : 's'})`);
  console.log(`\nSingle patterns, top ${top}:`);
  for (const r of [...rows].sort((a, b) => b.one + b.two - (a.one + a.two)).slice(0, top))
    console.log(`${kb(r.one)} ${kb(r.two)}  ${r.name}  /${r.source}…/`);
}

if (only !== 'code') {
  const modes = /** @type {const} */ ([
    ['fresh', 'fresh', []],
    ['fresh, --no-regexp-optimization (as past the cliff)', 'fresh', ['--no-regexp-optimization']],
    ['after the corpus as results', 'long results', []],
    ['after the corpus (results and descriptions)', 'long', []],
    ['with one \u2019 (two-byte), fresh', 'fresh two-byte', []],
    ['with one \u2019 (two-byte), after the corpus', 'long two-byte', []],
  ]);
  console.log(
    `\n1 MB log/prose/code text as a result, MB/s (CPU, best of ${runs}), one process each:`,
  );
  for (const [label, mode, flags] of modes) {
    const { mbps, executable } = JSON.parse(
      execFileSync(
        process.execPath,
        [...flags, self, '--cliff-child', '--dist', dist, '--mode', mode, '--runs', String(runs)],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      ),
    );
    console.log(
      `${mbps.toFixed(1).padStart(7)}  ${label.padEnd(52)} code space ${executable.toFixed(1)} MB${executable > 16 ? ' (over 16 MB: past the cliff)' : ''}`,
    );
  }
}
