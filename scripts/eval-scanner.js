// @ts-check
// Measures the content scanner on the shared injection corpus: recall and false positives per family
// (leave-one-family-out), on a fixed check split of families (aggregates only), speed and drift.
import { existsSync, readFileSync } from 'node:fs';
import { atLeast, createScanner } from '../dist/core/scanner/index.js';
import { signalFeatures } from '../dist/core/scanner/combiner.js';
import { gradeUnit } from '../dist/core/scanner/grade-unit.js';
import { combinerPriors } from '../dist/core/scanner/signal-priors.js';
import { MIXED_SAMPLE } from '../bench/sample-text.mjs';
import { trainCombiner } from './combiner-training.js';
import { checkFamilies, chooseCheckFamilies, familyFolds, splitCheck } from './eval-split.js';
import {
  asTool,
  corpusContext,
  corpusDir,
  recordSurface,
  scanCorpusRecord,
} from './eval-corpus.js';

/** @typedef {import('../dist/core/scanner/index.js').Finding} Finding */
/** @typedef {import('../dist/core/scanner/index.js').Severity} Severity */
/** @typedef {{ id: string, source: string, kind: string, text: string, split_group: string, carrier_split_group?: string, composed?: boolean, category?: string, hard_negative?: boolean }} CorpusRecord */

const json = process.argv.includes('--json');
const verbose = process.argv.includes('--misses');
const speedMode = process.argv.includes('--speed');
// --shipped: measure the scanner exactly as built, without retraining its combiner per fold.
const shippedOnly = process.argv.includes('--shipped');
const quick = process.argv.includes('--quick');
// --dev-only: the check split is neither scanned nor printed (for the many runs of a working session; the check
// split is measured a few times a round, never to choose between variants).
const devOnly = process.argv.includes('--dev-only');
// --ablate rule,prefix.*: drop these rules' findings before training and grading (what did a signal add?).
const ablateArg = process.argv.find((a) => a.startsWith('--ablate='));
const ablated = ablateArg ? ablateArg.slice('--ablate='.length).split(',').filter(Boolean) : [];
/** @type {Severity[]} */
const thresholds = ['medium', 'high'];
const capabilityOnly = 'malicious_tool_capability(no_injected_instruction)';

if (!existsSync(corpusDir)) {
  console.log(`eval:scanner skipped: no corpus at ${corpusDir}`);
  process.exit(0);
}

/** @param {string} name @returns {any[]} */
function readJsonl(name) {
  return readFileSync(new URL(name, `file://${corpusDir}`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

const scanner = createScanner();
const rawScanner = createScanner({ combiner: null });

/** @param {{kind: string, text: string}} record @param {import('../dist/core/scanner/index.js').Scanner} using @returns {Finding[]} */
function scanRecord(record, using = scanner) {
  return scanCorpusRecord(using, record);
}
const surfaceOf = recordSurface;
const context = corpusContext;
/** @param {string} rule */
const isAblated = (rule) =>
  ablated.some((a) => (a.endsWith('*') ? rule.startsWith(a.slice(0, -1)) : rule === a));

/** @param {Finding[]} findings @param {Severity} threshold */
const flagged = (findings, threshold) => findings.some((f) => atLeast(f.severity, threshold));
/** @param {number} x */
const round = (x) => Math.round(x * 1000) / 1000;

/** @type {CorpusRecord[]} */
const allAttacks = readJsonl('attacks.jsonl');
/** @type {CorpusRecord[]} */
const allBenign = readJsonl('benign.jsonl');
const drift = readJsonl('drift_pairs.jsonl');
const attackSplit = splitCheck(allAttacks);
const benignSplit = splitCheck(allBenign);
const ruleToday = chooseCheckFamilies(allAttacks, allBenign);
const ruleMoved = ruleToday.join(',') !== checkFamilies.join(',');

/**
 * A record, its findings before grading (`raw`), the combiner's features, and its graded findings.
 * @typedef {{ record: CorpusRecord, label: 0 | 1, raw: Finding[], features: Set<string>, findings: Finding[] }} Scored
 */
/** @param {CorpusRecord[]} records @param {0 | 1} label @returns {Scored[]} */
function prepare(records, label) {
  return records.map((record) => {
    if (shippedOnly) {
      const findings = scanRecord(record);
      return { record, label, raw: findings, features: new Set(), findings };
    }
    const raw = scanRecord(record, rawScanner).filter((f) => !isAblated(f.rule));
    return { record, label, raw, features: signalFeatures(raw, surfaceOf(record)), findings: raw };
  });
}
const dev = { attacks: prepare(attackSplit.dev, 1), benign: prepare(benignSplit.dev, 0) };
const check = devOnly
  ? { attacks: [], benign: [] }
  : { attacks: prepare(attackSplit.check, 1), benign: prepare(benignSplit.check, 0) };
const devAll = [...dev.attacks, ...dev.benign];
const capabilityOnlyCategory = capabilityOnly;
/** Training rows: capability-only descriptions hold no instruction to the model, so they are no example of one. @param {Scored[]} rows */
const trainingRows = (rows) =>
  rows
    .filter((s) => s.record.category !== capabilityOnlyCategory)
    .map((s) => ({
      features: s.features,
      surface: surfaceOf(s.record),
      label: s.label,
      family: s.record.split_group,
    }));
const priors = combinerPriors();
/** @param {Scored} s @param {import('../dist/core/scanner/combiner.js').CombinerModel} model */
const grade = (s, model) => {
  s.findings = gradeUnit(s.raw, surfaceOf(s.record), model);
};
if (!shippedOnly) {
  // Leave-one-family-out: each development family is graded by a combiner trained without any of its text.
  for (const fold of familyFolds(devAll.map((s) => s.record))) {
    const model = trainCombiner(
      trainingRows(fold.train.map((i) => /** @type {Scored} */ (devAll[i]))),
      priors,
    );
    for (const i of fold.test) grade(/** @type {Scored} */ (devAll[i]), model);
  }
  // The check split is graded by a combiner trained on every development family, as the shipped one is.
  const model = trainCombiner(trainingRows(devAll), priors);
  for (const s of [...check.attacks, ...check.benign]) grade(s, model);
}

/** @param {Scored[]} rows @param {Severity} t */
function rate(rows, t) {
  const n = rows.length;
  const k = rows.filter((r) => flagged(r.findings, t)).length;
  return { n, flagged: k, rate: n === 0 ? null : round(k / n) };
}

const isCapability = (/** @type {Scored} */ s) => s.record.category === capabilityOnly;
const isInjection = (/** @type {Scored} */ s) => !isCapability(s);
/** @type {[string, (s: Scored) => boolean, 'attacks' | 'benign'][]} */
const summaryRows = [
  ['injection attacks (no capability-only)', isInjection, 'attacks'],
  ['  without composed', (s) => isInjection(s) && s.record.composed !== true, 'attacks'],
  ['  composed only', (s) => isInjection(s) && s.record.composed === true, 'attacks'],
  [
    '  in tool descriptions',
    (s) => isInjection(s) && s.record.kind === 'tool_description',
    'attacks',
  ],
  ['  in tool results', (s) => isInjection(s) && s.record.kind === 'tool_response', 'attacks'],
  ['capability-only descriptions', isCapability, 'attacks'],
  ['FPR overall', () => true, 'benign'],
  ['FPR hard negatives', (s) => s.record.hard_negative === true, 'benign'],
  ['FPR tool descriptions', (s) => s.record.kind === 'tool_description', 'benign'],
  ['FPR tool results', (s) => s.record.kind === 'tool_response', 'benign'],
];

/** @param {{attacks: Scored[], benign: Scored[]}} part @param {Severity} t */
function summary(part, t) {
  return Object.fromEntries(
    summaryRows.map(([label, keep, side]) => [label.trim(), rate(part[side].filter(keep), t)]),
  );
}

// Leave-one-family-out: each development family measured on its own. The scanner ships no weights
// trained on the corpus yet, so a family's figures are the shipped scanner's on that family.
/** @param {Severity} t */
function perFamily(t) {
  const families = [
    ...new Set([...dev.attacks, ...dev.benign].map((s) => s.record.split_group)),
  ].sort();
  return Object.fromEntries(
    families.map((f) => {
      const a = dev.attacks.filter((s) => s.record.split_group === f);
      const b = dev.benign.filter((s) => s.record.split_group === f);
      return [
        f,
        {
          attacks: rate(a.filter(isInjection), t),
          capabilityOnly: rate(a.filter(isCapability), t),
          benign: rate(b, t),
          hardNegatives: rate(
            b.filter((s) => s.record.hard_negative === true),
            t,
          ),
        },
      ];
    }),
  );
}

/** @param {Scored[]} rows @param {(r: CorpusRecord) => string} key @param {Severity} t */
function breakdown(rows, key, t) {
  /** @type {Record<string, {n: number, flagged: number, rate: number | null}>} */
  const out = {};
  for (const k of new Set(rows.map((s) => key(s.record))))
    out[k] = rate(
      rows.filter((s) => key(s.record) === k),
      t,
    );
  return out;
}

const defaultThreshold = 'medium';
const results = Object.fromEntries(
  thresholds.map((t) => [
    t,
    { dev: summary(dev, t), check: summary(check, t), families: perFamily(t) },
  ]),
);

// Hidden-character layer alone (development part): hidden-text attacks, and benign records it flags.
const hiddenOnly = (/** @type {Finding[]} */ f) =>
  f.some((x) => x.rule.startsWith('hidden.') && atLeast(x.severity, defaultThreshold));
const hiddenAttacks = dev.attacks.filter((s) => String(s.record.category).startsWith('hidden/'));
const hiddenLayer = {
  caught: hiddenAttacks.filter((s) => hiddenOnly(s.findings)).length,
  of: hiddenAttacks.length,
  benignFalsePositives: dev.benign.filter((s) => hiddenOnly(s.findings)).length,
};

// Throughput: benign corpus concatenated, a synthetic 1 MB JSON tool result, and mixed log/prose/code text.
// CPU time, not wall time, so a busy machine distorts the figure less; the best of several rounds is reported.
/** @param {() => void} fn @param {number} runs @returns {number} microseconds per call */
function cpuMicros(fn, runs, rounds = 5) {
  fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (let i = 0; i < runs; i++) fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / runs);
  }
  return best;
}
/** @param {() => void} fn @param {number} bytes */
const mbPerSecond = (fn, bytes) => round(bytes / cpuMicros(fn, 3));
const benignText = allBenign.map((r) => r.text).join('\n');
const syntheticRows = [];
for (let i = 0; syntheticRows.length < 6000; i++) {
  syntheticRows.push({
    id: i,
    name: `item-${i}`,
    email: `user${i}@example.com`,
    url: `https://example.com/items/${i}?page=${i % 7}`,
    description: `Row ${i} of the report: quarterly totals were updated and reviewed by the finance team before release.`,
    tags: ['alpha', 'beta', 'gamma'],
    amount: i * 3.25,
  });
}
const syntheticJson = JSON.stringify({ rows: syntheticRows }).slice(0, 1_000_000);
const syntheticValue = { content: [{ type: 'text', text: syntheticJson }] };
const mixedSample = MIXED_SAMPLE;
/** Realistic tool-result text (logs, prose, code) of about `size` characters, wrapped as an MCP result. @param {number} size */
function mixedResult(size) {
  const text = mixedSample.repeat(Math.ceil(size / mixedSample.length)).slice(0, size);
  return { content: [{ type: 'text', text }] };
}
const mixed1MB = mixedResult(1_000_000);
const allText = [...allAttacks, ...allBenign].map((r) => r.text).join('\n');
const speed = quick
  ? undefined
  : {
      benignCorpusMBps: mbPerSecond(
        () => scanner.scanText(benignText, 'text'),
        Buffer.byteLength(benignText),
      ),
      synthetic1MBJsonMBps: mbPerSecond(
        () => scanner.scanValue(syntheticValue, 'result'),
        Buffer.byteLength(syntheticJson),
      ),
      mixed1MBTextMBps: mbPerSecond(() => scanner.scanValue(mixed1MB, 'result'), 1_000_000),
      benignBytes: Buffer.byteLength(benignText),
      wholeCorpusMBps: mbPerSecond(
        () => scanner.scanText(allText, 'text'),
        Buffer.byteLength(allText),
      ),
    };
/** Microseconds per scanValue call on a small, medium and large MCP result. */
function perCall() {
  const small = mixedResult(100);
  const medium = mixedResult(2048);
  return {
    us100B: round(cpuMicros(() => scanner.scanValue(small, 'result'), 20000, 7)),
    us2KB: round(cpuMicros(() => scanner.scanValue(medium, 'result'), 2000, 7)),
    us1MB: round(cpuMicros(() => scanner.scanValue(mixed1MB, 'result'), 3, 7)),
  };
}
const perCallMicros = (speedMode || json) && !quick ? perCall() : undefined;

// Drift: scan `after` as a tool definition; a malicious drift must be flagged by the rescan.
/** @param {any[]} pairs */
function driftSummary(pairs) {
  const scores = pairs.map((pair) => {
    const findings = scanner.scanTool(asTool(pair.after, pair.tool), context);
    return {
      malicious: pair.label === 'malicious_drift',
      flagged: flagged(findings, defaultThreshold),
      blocked: flagged(findings, 'high'),
    };
  });
  return {
    malicious: scores.filter((d) => d.malicious).length,
    maliciousFlagged: scores.filter((d) => d.malicious && d.flagged).length,
    maliciousBlockedAtHigh: scores.filter((d) => d.malicious && d.blocked).length,
    benign: scores.filter((d) => !d.malicious).length,
    benignFlagged: scores.filter((d) => !d.malicious && d.flagged).length,
  };
}
const driftSplit = splitCheck(drift);
const driftReport = { dev: driftSummary(driftSplit.dev), check: driftSummary(driftSplit.check) };

/** @type {Record<string, number>} */
const ruleHitsOnBenign = {};
for (const s of dev.benign) {
  for (const rule of new Set(
    s.findings.filter((x) => atLeast(x.severity, defaultThreshold)).map((x) => x.rule),
  )) {
    ruleHitsOnBenign[rule] = (ruleHitsOnBenign[rule] ?? 0) + 1;
  }
}

/** @param {Scored} s */
const hasLanguage = (s) => typeof (/** @type {any} */ (s.record).language) === 'string';
/** @param {CorpusRecord} r */
const language = (r) => String(/** @type {any} */ (r).language);

const report = {
  defaultThreshold,
  checkFamilies,
  checkRuleToday: ruleMoved ? ruleToday : undefined,
  counts: {
    attacks: allAttacks.length,
    benign: allBenign.length,
    dev: { attacks: dev.attacks.length, benign: dev.benign.length },
    check: { attacks: check.attacks.length, benign: check.benign.length },
  },
  results,
  hiddenLayer,
  // Breakdowns by source and category cover the development part only: the check split stays aggregate.
  devAttacksBySource: breakdown(dev.attacks, (r) => r.source, defaultThreshold),
  devAttacksByCategory: breakdown(dev.attacks, (r) => String(r.category), defaultThreshold),
  devBenignBySource: breakdown(dev.benign, (r) => r.source, defaultThreshold),
  // Records that name their language (CyberSecEval attacks in the development part, tldr pages in the check split).
  attacksByLanguage: breakdown(dev.attacks.filter(hasLanguage), language, defaultThreshold),
  checkBenignByLanguage: breakdown(check.benign.filter(hasLanguage), language, defaultThreshold),
  ruleHitsOnDevBenign: ruleHitsOnBenign,
  speed: { ...speed, perCallMicros },
  drift: driftReport,
};

/** @param {{n: number, flagged: number, rate: number | null} | undefined} v */
const cell = (v) =>
  !v || v.n === 0
    ? '-'.padEnd(16)
    : `${String(v.rate).padEnd(6)}${`(${v.flagged}/${v.n})`.padEnd(10)}`;

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`scanner eval on ${corpusDir}`);
  console.log(
    `attacks ${allAttacks.length}, benign ${allBenign.length}; development part ${dev.attacks.length} attacks / ${dev.benign.length} benign, check split ${check.attacks.length} / ${check.benign.length}`,
  );
  console.log(
    `check families (fixed; texts never read while developing, aggregates only): ${checkFamilies.join(', ')}`,
  );
  if (ruleMoved)
    console.log(
      `  note: the rule on today's corpus would pick ${ruleToday.join(', ')}; the split stays fixed`,
    );
  for (const t of thresholds) {
    const r = results[t];
    if (!r) continue;
    console.log(`\nFlagged at ${t}${t === defaultThreshold ? ' (default)' : ''}`);
    console.log(`  ${''.padEnd(42)}${'dev (LOFO)'.padEnd(18)}check split`);
    for (const [label] of summaryRows) {
      const key = label.trim();
      console.log(`  ${label.padEnd(42)}${cell(r.dev[key]).padEnd(18)}${cell(r.check[key])}`);
    }
    console.log(`\n  Leave-one-family-out (development families), at ${t}`);
    console.log(
      `  ${'family'.padEnd(26)}${'attacks'.padEnd(18)}${'capability-only'.padEnd(18)}${'FPR'.padEnd(18)}FPR hard`,
    );
    for (const [f, v] of Object.entries(r.families))
      console.log(
        `  ${f.padEnd(26)}${cell(v.attacks).padEnd(18)}${cell(v.capabilityOnly).padEnd(18)}${cell(v.benign).padEnd(18)}${cell(v.hardNegatives)}`,
      );
  }
  console.log(
    `\nHidden-character layer (dev): ${hiddenLayer.caught}/${hiddenLayer.of} hidden-text attacks, ${hiddenLayer.benignFalsePositives} benign false positives`,
  );
  /** @param {string} title @param {Record<string, {n: number, flagged: number, rate: number | null}>} rows */
  const table = (title, rows) => {
    console.log(`\n${title}`);
    for (const [k, v] of Object.entries(rows).sort((a, b) => b[1].n - a[1].n)) {
      console.log(
        `  ${String(v.rate).padEnd(6)} ${String(v.flagged).padStart(4)}/${String(v.n).padEnd(4)} ${k}`,
      );
    }
  };
  table('Dev attacks flagged, by source', report.devAttacksBySource);
  table('Dev attacks flagged, by category', report.devAttacksByCategory);
  table('Dev benign flagged, by source', report.devBenignBySource);
  table('Dev attacks flagged, by language', report.attacksByLanguage);
  table('Check benign flagged, by language (counts only)', report.checkBenignByLanguage);
  console.log('\nRules firing on dev benign records (at default threshold)');
  for (const [rule, n] of Object.entries(ruleHitsOnBenign).sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(4)} ${rule}`);
  if (speed)
    console.log(
      `\nSpeed (CPU time, best of 5): ${speed.benignCorpusMBps} MB/s on the benign corpus concatenated (${speed.benignBytes} bytes), ${speed.synthetic1MBJsonMBps} MB/s on a synthetic 1 MB JSON result, ${speed.mixed1MBTextMBps} MB/s on 1 MB of log/prose/code text, ${speed.wholeCorpusMBps} MB/s on the whole corpus`,
    );
  if (perCallMicros)
    console.log(
      `Per scanValue call: ${perCallMicros.us100B} µs for 100 B, ${perCallMicros.us2KB} µs for 2 KB, ${perCallMicros.us1MB} µs for 1 MB`,
    );
  for (const part of /** @type {const} */ (['dev', 'check'])) {
    const d = driftReport[part];
    console.log(
      `Drift pairs (${part}): ${d.maliciousFlagged}/${d.malicious} malicious drifts flagged (${d.maliciousBlockedAtHigh} at high), ${d.benignFlagged}/${d.benign} benign drifts flagged`,
    );
  }
  if (verbose) {
    // Development part only: the check split's texts are never printed.
    console.log('\nMissed dev attacks');
    for (const s of dev.attacks)
      if (!flagged(s.findings, defaultThreshold))
        console.log(
          `  [${s.record.source} / ${s.record.category}] ${JSON.stringify(s.record.text.slice(-300))}`,
        );
    console.log('\nFlagged dev benign');
    for (const s of dev.benign) {
      const f = s.findings.filter((x) => atLeast(x.severity, defaultThreshold));
      if (f.length)
        console.log(
          `  [${s.record.source}${s.record.hard_negative ? ' hard' : ''}] ${f.map((x) => `${x.rule}@${JSON.stringify(s.record.text.slice(x.span[0], x.span[1]).slice(0, 120))}`).join(' | ')}`,
        );
    }
  }
}
