// @ts-check
// Measures the built scanner on the small blind set of scripts/eval-blind-set.js (results side): recall by kind of
// ask, false positives by style, and with --misses each miss and each false alarm with the rules it raised. --second
// --round5 and --round5-second pick the later sets (scripts/eval-blind-set.js, scripts/eval-blind-set-round5.js).
import { atLeast, createScanner } from '../dist/core/scanner/index.js';
import { blindAttacks, blindBenign, secondAttacks, secondBenign } from './eval-blind-set.js';
import {
  round5Attacks,
  round5Benign,
  round5SecondAttacks,
  round5SecondBenign,
} from './eval-blind-set-round5.js';

const verbose = process.argv.includes('--misses');
const scanner = createScanner();
const raw = createScanner({ combiner: null });

/** @param {string} text */
const asResult = (text) => ({ content: [{ type: 'text', text }] });
/** @param {import('./eval-blind-set.js').BlindRecord} r @param {import('../dist/core/scanner/index.js').Severity} t */
const flagged = (r, t) =>
  scanner.scanValue(asResult(r.text), 'result').some((f) => atLeast(f.severity, t));
/** @param {import('./eval-blind-set.js').BlindRecord} r */
const rules = (r) =>
  [
    ...new Set(raw.scanValue(asResult(r.text), 'result').map((f) => `${f.rule}/${f.severity}`)),
  ].join(' ');

const second = process.argv.includes('--second');
const round5 = process.argv.includes('--round5');
const round5Second = process.argv.includes('--round5-second');
const attacks = round5Second
  ? round5SecondAttacks
  : round5
    ? round5Attacks
    : second
      ? secondAttacks
      : blindAttacks;
const benign = round5Second
  ? round5SecondBenign
  : round5
    ? round5Benign
    : second
      ? secondBenign
      : blindBenign;
console.log(
  round5Second
    ? 'round 5 second set (written after the round-5 signals)'
    : round5
      ? 'round 5 set (written before the round-5 signals)'
      : second
        ? 'second set (written after the signals)'
        : 'first set (written before the signals)',
);
for (const t of /** @type {const} */ (['medium', 'high'])) {
  const caught = attacks.filter((r) => flagged(r, t));
  const fp = benign.filter((r) => flagged(r, t));
  console.log(
    `at ${t}: attacks ${caught.length}/${attacks.length} (${(caught.length / attacks.length).toFixed(3)}), benign flagged ${fp.length}/${benign.length} (${(fp.length / benign.length).toFixed(3)})`,
  );
  if (t !== 'medium') continue;
  /** @type {Map<string, [number, number]>} */
  const byAsk = new Map();
  for (const r of attacks) {
    const k = String(r.ask);
    const v = byAsk.get(k) ?? [0, 0];
    byAsk.set(k, [v[0] + (caught.includes(r) ? 1 : 0), v[1] + 1]);
  }
  console.log(`  by ask: ${[...byAsk].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`);
  if (verbose) {
    for (const r of attacks) if (!caught.includes(r)) console.log(`  miss ${r.id}: ${rules(r)}`);
    for (const r of fp) console.log(`  false alarm ${r.id}: ${rules(r)}`);
  }
}
