// @ts-check
// Prints the content scanner's throughput on every adversarial case of the linear-time test
// (test/fixtures/adversarial-scan-cases.js) next to ordinary text's, slowest first.
//   node scripts/bench-scan-adversarial.js [--size KiB] [--runs N] [--top N] [--layer name] [--json]
// Times are CPU time (process.cpuUsage), the best of --runs runs, so a busy machine distorts
// them less; compare the ratio to ordinary text from the same run, not absolute figures.
import { createTextScan } from '../dist/core/scanner/scan-text.js';
import { createScanner } from '../dist/core/scanner/scanner.js';
import { detectors } from '../dist/core/scanner/detectors.js';
import { directiveKeywords } from '../dist/core/scanner/directive.js';
import { secretAnchors } from '../dist/core/scanner/secrets.js';
import { adversarialCases, fill, ordinaryUnit } from '../test/fixtures/adversarial-scan-cases.js';
import { fastestScanMs } from './scan-timing.js';

const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizeKiB = Number(arg('--size', '1024'));
const runs = Number(arg('--runs', '3'));
const top = Number(arg('--top', '25'));
const layer = arg('--layer', '');
const json = process.argv.includes('--json');
const chars = sizeKiB * 1024;

const scanText = createTextScan();
const scanner = createScanner();
/** @param {(text: string) => unknown} scan @param {string} text @param {string} [warmUp] */
const bestMs = (scan, text, warmUp = text.slice(0, 65536)) =>
  fastestScanMs(scan, text, runs, warmUp);
/** MB/s of UTF-16 text as UTF-8 bytes would be misleading for CJK; this counts characters (MiB of chars). */
const mbps = (/** @type {number} */ ms) => chars / 1048576 / (ms / 1000);

const cases = adversarialCases({ detectors, directiveKeywords, secretAnchors }).filter(
  (c) => layer === '' || c.layer === layer,
);
const raw = (/** @type {string} */ text) => scanText(text, 'content');
const whole = (/** @type {string} */ text) => scanner.scanText(text, 'content');

const ordinaryMs = bestMs(raw, fill(ordinaryUnit, chars));
const rows = cases.map((c) => {
  const ms = bestMs(raw, fill(c.unit, chars));
  return { name: c.name, layer: c.layer, ms, mbps: mbps(ms), vsOrdinary: ms / ordinaryMs };
});
rows.sort((a, b) => b.ms - a.ms);
// Warmed up on the whole text: the piece-by-piece path is only compiled hot after a long string.
const ordinaryText = fill(ordinaryUnit, chars);
const ordinaryJob = bestMs(whole, ordinaryText, ordinaryText);
const worstJob = rows[0] === undefined ? undefined : cases.find((c) => c.name === rows[0]?.name);
const worstText = worstJob === undefined ? '' : fill(worstJob.unit, chars);
const worstJobMs = worstJob === undefined ? 0 : bestMs(whole, worstText, worstText);

if (json) {
  console.log(
    JSON.stringify({
      sizeKiB,
      runs,
      ordinary: { ms: ordinaryMs, mbps: mbps(ordinaryMs) },
      cases: rows,
    }),
  );
} else {
  console.log(
    `${cases.length} cases at ${sizeKiB} KiB, CPU time, best of ${runs} (MB/s = MiB of characters per second)`,
  );
  console.log(
    `${'ordinary text'.padEnd(44)} ${ordinaryMs.toFixed(1).padStart(8)} ms ${mbps(ordinaryMs).toFixed(1).padStart(7)} MB/s`,
  );
  for (const r of rows.slice(0, top))
    console.log(
      `${r.name.slice(0, 44).padEnd(44)} ${r.ms.toFixed(1).padStart(8)} ms ${r.mbps.toFixed(1).padStart(7)} MB/s ${r.vsOrdinary.toFixed(1).padStart(6)}× ordinary`,
    );
  const median = rows[Math.floor(rows.length / 2)];
  if (median !== undefined)
    console.log(
      `median case: ${median.mbps.toFixed(1)} MB/s (${median.vsOrdinary.toFixed(1)}× ordinary)`,
    );
  console.log(
    `through scanner.scanText (pieces, caps): ordinary ${mbps(ordinaryJob).toFixed(1)} MB/s, worst case ${mbps(worstJobMs).toFixed(1)} MB/s`,
  );
}
