// @ts-check
// Whether two builds of the scanner find the same things: every development text of the corpus (the check
// families are left out, unread) scanned as the eval scans it (eval-corpus.js), by each build, findings compared
// (rule, severity, field, span), and the benign development texts concatenated as one text. A speed change is
// meant to find exactly what its base finds; this lists any record where the two differ.
//   SCANNER_CORPUS_DIR=… node scripts/bench-scan-diff.js --dist base/dist,new/dist [--show N]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDir, scanCorpusRecord } from './eval-corpus.js';
import { splitCheck } from './eval-split.js';

const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const [baseDist = '', newDist = ''] = arg('--dist', '')
  .split(',')
  .map((d) => resolve(d));
if (!baseDist || !newDist) {
  console.error('usage: node scripts/bench-scan-diff.js --dist base/dist,new/dist [--show N]');
  process.exit(2);
}
const show = Number(arg('--show', '10'));

/** @param {string} name @returns {any[]} */
const readJsonl = (name) =>
  readFileSync(`${corpusDir}/${name}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
const records = [
  ...splitCheck(readJsonl('attacks.jsonl')).dev,
  ...splitCheck(readJsonl('benign.jsonl')).dev,
];

/** @param {string} dist */
const scannerOf = async (dist) => {
  const { createScanner } = await import(pathToFileURL(`${dist}/core/scanner/scanner.js`).href);
  return { graded: createScanner(), raw: createScanner({ combiner: null }) };
};
const scanners = [await scannerOf(baseDist), await scannerOf(newDist)];

/** @param {any[]} findings */
const key = (findings) =>
  findings
    .map((f) => `${f.rule}|${f.severity}|${f.field}|${f.span?.[0]}-${f.span?.[1]}`)
    .sort()
    .join('\n');
const flagged = (/** @type {any[]} */ findings) =>
  findings.some((f) => f.severity === 'medium' || f.severity === 'high');

let findingDiffs = 0;
let rawDiffs = 0;
let verdictDiffs = 0;
/** @type {string[]} */
const shown = [];
for (const record of records) {
  const [a, b] = scanners.map((s) => scanCorpusRecord(s.graded, record));
  const [ra, rb] = scanners.map((s) => scanCorpusRecord(s.raw, record));
  const rawDiff = key(ra ?? []) !== key(rb ?? []);
  const diff = key(a ?? []) !== key(b ?? []);
  if (rawDiff) rawDiffs++;
  if (diff) findingDiffs++;
  if (flagged(a ?? []) !== flagged(b ?? [])) verdictDiffs++;
  if ((diff || rawDiff) && shown.length < show) {
    const only = (/** @type {string} */ x, /** @type {string} */ y) =>
      x.split('\n').filter((l) => l && !y.split('\n').includes(l));
    const [ka, kb] = [key(ra ?? []), key(rb ?? [])];
    shown.push(
      `${record.id}: base only ${JSON.stringify(only(ka, kb))}, new only ${JSON.stringify(only(kb, ka))}`,
    );
  }
}
const benignText = splitCheck(readJsonl('benign.jsonl'))
  .dev.map((r) => r.text)
  .join('\n');
const [wa, wb] = scanners.map((s) => key(s.raw.scanText(benignText, 'text')));
console.log(
  `${records.length} development records: ${verdictDiffs} verdicts (medium or above) differ, ${findingDiffs} graded finding lists differ, ${rawDiffs} raw finding lists differ`,
);
console.log(
  `benign development texts concatenated, raw findings: ${wa === wb ? 'same' : 'differ'}`,
);
for (const line of shown) console.log(`  ${line}`);
