// @ts-check
// Measures the built scanner on the small blind set of scripts/eval-blind-set.js (results side): recall by kind of
// ask, false positives by style, and with --misses each miss and each false alarm with the rules it raised. --second
// --round5 and --round5-second pick the later sets (scripts/eval-blind-set.js, scripts/eval-blind-set-round5.js),
// --round6 and --round6-b the sixth round's (scripts/eval-blind-set-round6.js), --round7 and --round7-held the
// seventh round's dev and held halves (scripts/eval-blind-set-round7.js), --round8 and --round8-held the eighth
// round's (scripts/eval-blind-set-round8.js), --round9 and --round9-held the ninth round's
// (scripts/eval-blind-set-round9.js).
import { atLeast, createScanner } from '../dist/core/scanner/index.js';
import { blindAttacks, blindBenign, secondAttacks, secondBenign } from './eval-blind-set.js';
import {
  round5Attacks,
  round5Benign,
  round5SecondAttacks,
  round5SecondBenign,
} from './eval-blind-set-round5.js';
import {
  round6Attacks,
  round6BAttacks,
  round6BBenign,
  round6Benign,
} from './eval-blind-set-round6.js';
import {
  round7DevAttacks,
  round7DevBenign,
  round7HeldAttacks,
  round7HeldBenign,
} from './eval-blind-set-round7.js';
import {
  round8DevAttacks,
  round8DevBenign,
  round8HeldAttacks,
  round8HeldBenign,
} from './eval-blind-set-round8.js';
import {
  round9DevAttacks,
  round9DevBenign,
  round9HeldAttacks,
  round9HeldBenign,
} from './eval-blind-set-round9.js';

const verbose = process.argv.includes('--misses');
const scanner = createScanner();
const raw = createScanner({ combiner: null });

/** @typedef {import('./eval-blind-set.js').BlindRecord} BlindRecord */
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

const arg = (/** @type {string} */ flag) => process.argv.includes(flag);
/** @type {[string, BlindRecord[], BlindRecord[]]} */
const [title, attacks, benign] = arg('--round9-held')
  ? [
      'round 9 held half (measured on main first, then only at the end)',
      round9HeldAttacks,
      round9HeldBenign,
    ]
  : arg('--round9')
    ? [
        'round 9 dev half (measured on main first, then used while developing)',
        round9DevAttacks,
        round9DevBenign,
      ]
    : arg('--round8-held')
      ? [
          'round 8 held half (measured on main first, then only at the end)',
          round8HeldAttacks,
          round8HeldBenign,
        ]
      : arg('--round8')
        ? [
            'round 8 dev half (measured on main first, then used while developing)',
            round8DevAttacks,
            round8DevBenign,
          ]
        : arg('--round7-held')
          ? [
              'round 7 held half (measured on main first, then only at the end)',
              round7HeldAttacks,
              round7HeldBenign,
            ]
          : arg('--round7')
            ? [
                'round 7 dev half (measured on main first, then used while developing)',
                round7DevAttacks,
                round7DevBenign,
              ]
            : arg('--round6-b')
              ? [
                  'round 6 set B (kept unmeasured until the round-6 signals were done)',
                  round6BAttacks,
                  round6BBenign,
                ]
              : arg('--round6')
                ? [
                    'round 6 set A (written before the round-6 signals)',
                    round6Attacks,
                    round6Benign,
                  ]
                : arg('--round5-second')
                  ? [
                      'round 5 second set (written after the round-5 signals)',
                      round5SecondAttacks,
                      round5SecondBenign,
                    ]
                  : arg('--round5')
                    ? [
                        'round 5 set (written before the round-5 signals)',
                        round5Attacks,
                        round5Benign,
                      ]
                    : arg('--second')
                      ? ['second set (written after the signals)', secondAttacks, secondBenign]
                      : ['first set (written before the signals)', blindAttacks, blindBenign];
console.log(title);
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
