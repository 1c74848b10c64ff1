// @ts-check
// Measures the content scanner on the shared injection corpus: recall, false positives, speed, drift.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { atLeast, createScanner } from '../dist/core/scanner/index.js';

/** @typedef {import('../dist/core/scanner/index.js').Finding} Finding */
/** @typedef {import('../dist/core/scanner/index.js').Severity} Severity */

const corpusDir = fileURLToPath(new URL('../../shared/corpus/injection/', import.meta.url));
const json = process.argv.includes('--json');
const verbose = process.argv.includes('--misses');
/** @type {Severity[]} */
const thresholds = ['low', 'medium', 'high'];
const defaultThreshold = 'medium';

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
const context = { server: 'eval', otherServers: [], otherToolNames: [] };

/** Parse a tool_description record: a whole tool JSON, or a bare description. @param {string} text */
function asTool(text, name = 'tool') {
  if (text.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { ...parsed, name: typeof parsed.name === 'string' ? parsed.name : name };
      }
    } catch {
      // Not JSON: scan it as a plain description.
    }
  }
  return { name, description: text };
}

/** @param {{kind: string, text: string}} record @returns {Finding[]} */
function scanRecord(record) {
  return record.kind === 'tool_description'
    ? scanner.scanTool(asTool(record.text), context)
    : scanner.scanText(record.text, 'content[0].text');
}

/** @param {Finding[]} findings @param {Severity} threshold */
const flagged = (findings, threshold) => findings.some((f) => atLeast(f.severity, threshold));

const attacks = readJsonl('attacks.jsonl');
const benign = readJsonl('benign.jsonl');
const drift = readJsonl('drift_pairs.jsonl');

const attackFindings = attacks.map(scanRecord);
const benignFindings = benign.map(scanRecord);

/** @param {any[]} records @param {Finding[][]} findings @param {(r: any) => string} key @param {Severity} threshold */
function breakdown(records, findings, key, threshold) {
  /** @type {Record<string, {n: number, flagged: number, rate: number}>} */
  const out = {};
  records.forEach((r, i) => {
    const k = key(r);
    out[k] ??= { n: 0, flagged: 0, rate: 0 };
    out[k].n++;
    if (flagged(findings[i] ?? [], threshold)) out[k].flagged++;
  });
  for (const v of Object.values(out)) v.rate = round(v.flagged / v.n);
  return out;
}

/** @param {number} x */
const round = (x) => Math.round(x * 1000) / 1000;

/** @type {Record<Severity, {recall: number, fpr: number, fprHardNegatives: number, hiddenRecall: number}>} */
const perThreshold = /** @type {any} */ (
  Object.fromEntries(
    thresholds.map((t) => {
      const hard = benign
        .map((r, i) => [r, benignFindings[i]])
        .filter(([r]) => r.hard_negative === true);
      const hidden = attacks
        .map((r, i) => [r, attackFindings[i]])
        .filter(([r]) => String(r.category).startsWith('hidden/'));
      return [
        t,
        {
          recall: round(attackFindings.filter((f) => flagged(f, t)).length / attacks.length),
          fpr: round(benignFindings.filter((f) => flagged(f, t)).length / benign.length),
          fprHardNegatives: round(hard.filter(([, f]) => flagged(f, t)).length / hard.length),
          hiddenRecall: round(hidden.filter(([, f]) => flagged(f, t)).length / hidden.length),
        },
      ];
    }),
  )
);

// Hidden-character layer alone: every hidden-text attack, and no benign record flagged by a hidden.* rule.
const hiddenOnly = (/** @type {Finding[]} */ f) =>
  f.filter((x) => x.rule.startsWith('hidden.') && atLeast(x.severity, defaultThreshold));
const hiddenLayer = {
  caught: attacks.filter(
    (r, i) =>
      String(r.category).startsWith('hidden/') && hiddenOnly(attackFindings[i] ?? []).length > 0,
  ).length,
  of: attacks.filter((r) => String(r.category).startsWith('hidden/')).length,
  benignFalsePositives: benignFindings.filter((f) => hiddenOnly(f).length > 0).length,
};

// Throughput: benign corpus concatenated, and a synthetic 1 MB JSON tool result.
/** @param {() => void} fn @param {number} bytes */
function mbPerSecond(fn, bytes) {
  fn();
  const runs = 5;
  // CPU time, not wall time, so a busy machine does not distort the figure.
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6 / runs;
  return round(bytes / 1e6 / seconds);
}
const benignText = benign.map((r) => r.text).join('\n');
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
const allText = [...attacks, ...benign].map((r) => r.text).join('\n');
const speed = {
  benignCorpusMBps: mbPerSecond(
    () => scanner.scanText(benignText, 'text'),
    Buffer.byteLength(benignText),
  ),
  synthetic1MBJsonMBps: mbPerSecond(
    () => scanner.scanValue(syntheticValue, 'result'),
    Buffer.byteLength(syntheticJson),
  ),
  benignBytes: Buffer.byteLength(benignText),
  wholeCorpusMBps: mbPerSecond(() => scanner.scanText(allText, 'text'), Buffer.byteLength(allText)),
};

// Drift: scan `after` as a tool definition; a malicious drift must be flagged by the rescan.
const driftScores = drift.map((pair) => {
  const findings = scanner.scanTool(asTool(pair.after, pair.tool), context);
  const before = scanner.scanTool(asTool(pair.before, pair.tool), context);
  return {
    label: pair.label,
    flagged: flagged(findings, defaultThreshold),
    beforeFlagged: flagged(before, defaultThreshold),
    blocked: flagged(findings, 'high'),
  };
});
const driftSummary = {
  malicious: driftScores.filter((d) => d.label === 'malicious_drift').length,
  maliciousFlagged: driftScores.filter((d) => d.label === 'malicious_drift' && d.flagged).length,
  maliciousBlockedAtHigh: driftScores.filter((d) => d.label === 'malicious_drift' && d.blocked)
    .length,
  benign: driftScores.filter((d) => d.label !== 'malicious_drift').length,
  benignFlagged: driftScores.filter((d) => d.label !== 'malicious_drift' && d.flagged).length,
};

/** @type {Record<string, number>} */
const ruleHitsOnBenign = {};
for (const f of benignFindings) {
  for (const rule of new Set(
    f.filter((x) => atLeast(x.severity, defaultThreshold)).map((x) => x.rule),
  )) {
    ruleHitsOnBenign[rule] = (ruleHitsOnBenign[rule] ?? 0) + 1;
  }
}

const report = {
  defaultThreshold,
  counts: {
    attacks: attacks.length,
    benign: benign.length,
    hardNegatives: benign.filter((r) => r.hard_negative === true).length,
  },
  perThreshold,
  hiddenLayer,
  attacksBySource: breakdown(attacks, attackFindings, (r) => r.source, defaultThreshold),
  attacksByCategory: breakdown(
    attacks,
    attackFindings,
    (r) => String(r.category),
    defaultThreshold,
  ),
  benignBySource: breakdown(benign, benignFindings, (r) => r.source, defaultThreshold),
  ruleHitsOnBenign,
  speed,
  drift: driftSummary,
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const d = perThreshold[defaultThreshold];
  console.log(`scanner eval on ${corpusDir}`);
  console.log(
    `attacks ${report.counts.attacks}, benign ${report.counts.benign} (hard negatives ${report.counts.hardNegatives}); default threshold: ${defaultThreshold}`,
  );
  console.log(
    `\nDefault threshold: recall ${d.recall}, FPR ${d.fpr}, FPR on hard negatives ${d.fprHardNegatives}`,
  );
  console.log('\nPer threshold');
  for (const t of thresholds) {
    const p = perThreshold[t];
    console.log(
      `  ${t.padEnd(7)} recall ${p.recall}  FPR ${p.fpr}  FPR(hard) ${p.fprHardNegatives}  hidden recall ${p.hiddenRecall}`,
    );
  }
  console.log(
    `\nHidden-character layer: ${hiddenLayer.caught}/${hiddenLayer.of} hidden-text attacks, ${hiddenLayer.benignFalsePositives} benign false positives`,
  );
  /** @param {string} title @param {Record<string, {n: number, flagged: number, rate: number}>} rows */
  const table = (title, rows) => {
    console.log(`\n${title}`);
    for (const [k, v] of Object.entries(rows).sort((a, b) => b[1].n - a[1].n)) {
      console.log(
        `  ${String(v.rate).padEnd(6)} ${String(v.flagged).padStart(4)}/${String(v.n).padEnd(4)} ${k}`,
      );
    }
  };
  table('Attacks flagged, by source', report.attacksBySource);
  table('Attacks flagged, by category', report.attacksByCategory);
  table('Benign flagged, by source', report.benignBySource);
  console.log('\nRules firing on benign records (at default threshold)');
  for (const [rule, n] of Object.entries(ruleHitsOnBenign).sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(4)} ${rule}`);
  console.log(
    `\nSpeed: ${speed.benignCorpusMBps} MB/s on the benign corpus concatenated (${speed.benignBytes} bytes), ${speed.synthetic1MBJsonMBps} MB/s on a synthetic 1 MB JSON result, ${speed.wholeCorpusMBps} MB/s on the whole corpus`,
  );
  console.log(
    `\nDrift pairs: ${driftSummary.maliciousFlagged}/${driftSummary.malicious} malicious drifts flagged (${driftSummary.maliciousBlockedAtHigh} at high), ${driftSummary.benignFlagged}/${driftSummary.benign} benign drifts flagged`,
  );
  if (verbose) {
    console.log('\nMissed attacks');
    attacks.forEach((r, i) => {
      if (!flagged(attackFindings[i] ?? [], defaultThreshold))
        console.log(`  [${r.source} / ${r.category}] ${JSON.stringify(r.text.slice(-300))}`);
    });
    console.log('\nFlagged benign');
    benign.forEach((r, i) => {
      const f = (benignFindings[i] ?? []).filter((x) => atLeast(x.severity, defaultThreshold));
      if (f.length)
        console.log(
          `  [${r.source}${r.hard_negative ? ' hard' : ''}] ${f.map((x) => `${x.rule}@${JSON.stringify(r.text.slice(x.span[0], x.span[1]).slice(0, 120))}`).join(' | ')}`,
        );
    });
  }
}
