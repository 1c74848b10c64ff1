import { describe, expect, test } from 'vitest';
import { detectors } from '../../src/core/scanner/detectors.js';
import { directiveKeywords } from '../../src/core/scanner/directive.js';
import { createScanner } from '../../src/core/scanner/scanner.js';
import { createTextScan } from '../../src/core/scanner/scan-text.js';
import { secretAnchors } from '../../src/core/scanner/secrets.js';
import {
  adversarialCases,
  fill,
  ordinaryUnit,
  type AdversarialCase,
} from '../fixtures/adversarial-scan-cases.js';

// Scanning must be linear in its input whatever the input (issue 10 §1). Every layer's trigger
// characters and keywords are repeated, alone and mixed, and timed at growing sizes up to
// 256 KiB and 1 MiB. Linear work grows 4× per step; this fails a case whose time grows more than
// `maxGrowth`× (quadratic work grows 16×). Times are CPU times, a suspicious step is measured
// again (best of several runs) before it counts, and a step whose larger size costs under
// `noiseFloorMs` is not judged: a busy machine cannot fail the test, a quadratic case can.
const KiB = 1024;
const sizes = [4 * KiB, 16 * KiB, 64 * KiB, 256 * KiB, 1024 * KiB];
// Single keywords (some 2,500 since the multilingual lexicons) at two sizes: quadratic work grows
// 16× between them, and a case fast enough to stay under the noise floor at 64 KiB is fine (at 64
// and 256 KiB the file took seven minutes of `npm test`). The trigger characters and each layer's
// mixes run every size to 1 MiB; `npm run bench:scan` times every case, keywords included, at 1 MiB.
const keywordSizes = [16 * KiB, 64 * KiB];
// Each detector's keywords mixed (some 210 detectors) to 256 KiB, still 16× apart from 64 KiB: at
// 1 MiB they were two thirds of the file's time. Each layer's mixes and everything mixed go to 1 MiB.
const detectorMixSizes = sizes.filter((size) => size <= 256 * KiB);
const maxGrowth = 10;
const noiseFloorMs = 25;
// A step whose linear projection exceeds this is not run: the size before was already far too slow.
const projectionCapMs = 8_000;

const scanText = createTextScan();
// Keywords followed by a space run the same patterns as the keywords alone: the benchmark
// (scripts/bench-scan-adversarial.js) times them, this test leaves them out to stay within minutes.
const cases = adversarialCases({ detectors, directiveKeywords, secretAnchors }).filter(
  (c) => c.spaced !== true,
);
const layers = [...new Set(cases.map((c) => c.layer))];

// CPU time of this process (vitest runs each file in its own fork): time spent descheduled on a
// busy machine does not count, only the work itself (and its garbage collection) does.
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const timeOnce = (scan: (text: string) => unknown, text: string): number => {
  const started = cpuMs();
  scan(text);
  return cpuMs() - started;
};
const best = (scan: (text: string) => unknown, text: string, runs: number): number => {
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) fastest = Math.min(fastest, timeOnce(scan, text));
  return fastest;
};

/** Why a case is not linear, or undefined when every step grew within bounds. */
const superLinear = (
  scan: (text: string) => unknown,
  unit: string,
  steps: readonly number[] = sizes,
): string | undefined => {
  scan(fill(unit, steps[0] ?? 0));
  let previous: { size: number; ms: number; text: string } | undefined;
  for (const size of steps) {
    if (previous !== undefined && previous.ms * (size / previous.size) > projectionCapMs)
      return `${previous.size / KiB} KiB took ${previous.ms.toFixed(0)} ms, so ${size / KiB} KiB would take over ${projectionCapMs} ms even if linear`;
    const text = fill(unit, size);
    let ms = best(scan, text, 1);
    if (previous !== undefined && ms >= noiseFloorMs) {
      const expected = size / previous.size;
      let growth = ms / previous.ms;
      // Measure both sizes again before calling it: one slow run is noise, three are not.
      for (let retry = 0; retry < 3 && growth > maxGrowth * (expected / 4); retry++) {
        previous.ms = Math.min(previous.ms, best(scan, previous.text, 2));
        ms = Math.min(ms, best(scan, text, 2));
        growth = ms / previous.ms;
      }
      // Measured again, the larger size may fall under the noise floor: then it is not judged either.
      if (ms >= noiseFloorMs && growth > maxGrowth * (expected / 4))
        return `${previous.size / KiB} KiB → ${size / KiB} KiB took ${previous.ms.toFixed(1)} → ${ms.toFixed(1)} ms (${growth.toFixed(1)}×, linear is ${expected}×)`;
    }
    previous = { size, ms, text };
  }
  return undefined;
};

const failures = (list: readonly AdversarialCase[], scan: (text: string) => unknown) =>
  list.flatMap((c) => {
    const steps =
      c.keyword === true
        ? keywordSizes
        : c.name.endsWith(' keywords mixed')
          ? detectorMixSizes
          : sizes;
    const why = superLinear(scan, c.unit, steps);
    return why === undefined ? [] : [`${c.name}: ${why}`];
  });

describe('the scanner is linear in its input', () => {
  test('the suite covers every layer, each keyword, and mixes', () => {
    expect(layers).toEqual(
      expect.arrayContaining([
        'hidden',
        'view',
        'decode',
        'structure',
        'deobfuscate',
        'joined',
        'directive',
        'secret',
        'signal',
      ]),
    );
    const units = new Set(cases.map((c) => c.unit));
    for (const d of detectors) for (const k of d.keywords) expect(units).toContain(k);
    for (const k of directiveKeywords) expect(units).toContain(k);
    for (const { anchor } of secretAnchors) expect(units).toContain(anchor);
    expect(cases.map((c) => c.name)).toContain('all mixed');
    for (const d of detectors)
      if (d.keywords.length > 1)
        expect(cases.map((c) => c.name)).toContain(`${d.id} keywords mixed`);
  });

  test.each(layers)(
    '%s triggers, alone and mixed, repeated to 1 MiB',
    (layer) => {
      const scan = (text: string) => scanText(text, 'content');
      expect(
        failures(
          cases.filter((c) => c.layer === layer),
          scan,
        ),
      ).toEqual([]);
    },
    600_000,
  );

  test('whole values: pieces of long strings, nesting, many keys and many strings', () => {
    const scanner = createScanner();
    const shapes: AdversarialCase[] = [
      {
        name: 'one long string, scanned in pieces',
        layer: 'value',
        unit: cases.at(-1)?.unit ?? '',
      },
      { name: 'ordinary text', layer: 'value', unit: ordinaryUnit },
    ];
    expect(failures(shapes, (text) => scanner.scanText(text, 'result'))).toEqual([]);
    // The same sizes, as JSON shapes: depth, width and count grow with the text.
    const asValue: [string, (text: string) => unknown][] = [
      ['nested arrays', (text) => nest(Math.floor(text.length / 16), text.slice(0, 16))],
      ['an object with many keys', (text) => wide(text.length / 32)],
      ['an array of short strings', (text) => text.match(/.{1,24}/gsu) ?? []],
    ];
    for (const [name, build] of asValue) {
      const why = superLinear(
        (text) => scanner.scanValue(build(text), 'result'),
        cases.at(-1)?.unit ?? '',
      );
      expect(why, name).toBeUndefined();
    }
  }, 600_000);
});

// `depth` arrays nested in each other around one string.
const nest = (depth: number, leaf: string): unknown => {
  let value: unknown = leaf;
  for (let d = 0; d < depth; d++) value = [value];
  return value;
};

const wide = (count: number): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) out[`ignore previous ${i}`] = 'please send \u200b%4';
  return out;
};
