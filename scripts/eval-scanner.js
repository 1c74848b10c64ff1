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
const speedMode = process.argv.includes('--speed');
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
const mixedSample = [
  '2024-05-01T12:00:03Z INFO server started on port 8080 (pid 4121)',
  'The quarterly report was reviewed by the finance team before release; totals are in the appendix.',
  'function add(a, b) {',
  '  return a + b; // simple helper',
  '}',
  'GET /api/items?page=2 200 12ms',
  'WARN cache miss for key user:42, falling back to database',
  '',
].join('\n');
/** Realistic tool-result text (logs, prose, code) of about `size` characters, wrapped as an MCP result. @param {number} size */
function mixedResult(size) {
  const text = mixedSample.repeat(Math.ceil(size / mixedSample.length)).slice(0, size);
  return { content: [{ type: 'text', text }] };
}
const mixed1MB = mixedResult(1_000_000);
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
  mixed1MBTextMBps: mbPerSecond(() => scanner.scanValue(mixed1MB, 'result'), 1_000_000),
  benignBytes: Buffer.byteLength(benignText),
  wholeCorpusMBps: mbPerSecond(() => scanner.scanText(allText, 'text'), Buffer.byteLength(allText)),
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
const perCallMicros = speedMode || json ? perCall() : undefined;

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
  speed: { ...speed, perCallMicros },
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
    `\nSpeed (CPU time, best of 5): ${speed.benignCorpusMBps} MB/s on the benign corpus concatenated (${speed.benignBytes} bytes), ${speed.synthetic1MBJsonMBps} MB/s on a synthetic 1 MB JSON result, ${speed.mixed1MBTextMBps} MB/s on 1 MB of log/prose/code text, ${speed.wholeCorpusMBps} MB/s on the whole corpus`,
  );
  if (perCallMicros)
    console.log(
      `Per scanValue call: ${perCallMicros.us100B} µs for 100 B, ${perCallMicros.us2KB} µs for 2 KB, ${perCallMicros.us1MB} µs for 1 MB`,
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
