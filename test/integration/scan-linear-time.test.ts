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
// again (best of several runs) and confirmed one size up before it counts, and a step whose larger size costs under
// `noiseFloorMs` is not judged: a busy machine cannot fail the test, a quadratic case can.
const KiB = 1024;
const sizes = [4 * KiB, 16 * KiB, 64 * KiB, 256 * KiB, 1024 * KiB];
// Single keywords (some 4,800 since the multilingual lexicons) at two sizes 4× apart: quadratic work
// grows 16× between them. A keyword's larger size is timed first and the smaller only when the larger
// costs over `keywordNoiseFloorMs` (a step under the floor is not judged): most keywords then cost one
// 32 KiB scan. At 16 and 64 KiB, both always timed, keywords were half of the file's time (about 150 s
// in all); 8 and 32 KiB with a floor of a third of 25 ms keep the same sensitivity to a quadratic term
// (c·n² over the floor: c ≥ 7.5e-9 ms per character² at 32 KiB against 5.8e-9 at 64 KiB) at a third of
// the cost. The trigger characters and each layer's mixes run every size to 1 MiB;
// `npm run bench:scan` times every case, keywords included, at 1 MiB.
const keywordSizes = [8 * KiB, 32 * KiB];
const keywordNoiseFloorMs = 8;
// Each detector's keywords mixed (some 450 detectors) at 32 and 128 KiB, judged like single keywords
// (the larger first, the smaller only over the floor). To 256 KiB at every size they were a third of
// the file's time. A regex is linear in its window when its quantifiers are bounded, which the first
// test checks for every detector pattern; the mixes are there for the code around the regexes (windows,
// verify functions, the layers a keyword opens). Each layer's mixes and everything mixed go to 1 MiB.
const detectorMixSizes = [32 * KiB, 128 * KiB];
const maxGrowth = 10;
const defaultNoiseFloorMs = 25;
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

/** A size already timed (the larger of a pair, timed first): not timed again unless a step looks superlinear. */
interface Timed {
  size: number;
  ms: number;
  text: string;
}

/** Why a case is not linear, or undefined when every step grew within bounds. */
const superLinear = (
  scan: (text: string) => unknown,
  unit: string,
  steps: readonly number[] = sizes,
  noiseFloorMs = defaultNoiseFloorMs,
  timed?: Timed,
): string | undefined => {
  // The first run compiles the patterns the unit opens: not part of any step (a timed size has run already).
  if (timed === undefined) scan(fill(unit, 1 * KiB));
  let previous: Timed | undefined;
  for (const size of steps) {
    if (previous !== undefined && previous.ms * (size / previous.size) > projectionCapMs)
      return `${previous.size / KiB} KiB took ${previous.ms.toFixed(0)} ms, so ${size / KiB} KiB would take over ${projectionCapMs} ms even if linear`;
    const known = timed?.size === size ? timed : undefined;
    const text = known?.text ?? fill(unit, size);
    let ms = known?.ms ?? best(scan, text, 1);
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
      if (ms >= noiseFloorMs && growth > maxGrowth * (expected / 4)) {
        const why = `${previous.size / KiB} KiB → ${size / KiB} KiB took ${previous.ms.toFixed(1)} → ${ms.toFixed(1)} ms (${growth.toFixed(1)}×, linear is ${expected}×)`;
        const next = confirmStep(scan, unit, { size, ms, text });
        if (next !== undefined) return `${why}; ${next}`;
      }
    }
    previous = { size, ms, text };
  }
  return undefined;
};

/**
 * A step that grew too much is judged again one size up (4× the larger size), and fails only when that step grows too
 * much as well. A quadratic term that dominates at one size dominates more at the next (it grows 16× a step, the rest
 * 4×); a run slowed by the machine (a full GC, a background compile, a busy core: CI failed on a keyword's 8 → 32 KiB
 * step at 10.2×, which took 4.3× on a quiet machine) does not repeat itself on a different text twice in a row.
 */
const confirmStep = (
  scan: (text: string) => unknown,
  unit: string,
  larger: Timed,
): string | undefined => {
  const size = larger.size * 4;
  if (larger.ms * 4 > projectionCapMs)
    return `${size / KiB} KiB would take over ${projectionCapMs} ms even if linear`;
  const ms = best(scan, fill(unit, size), 1);
  const growth = ms / larger.ms;
  if (growth <= maxGrowth) return undefined;
  return `${larger.size / KiB} KiB → ${size / KiB} KiB took ${larger.ms.toFixed(1)} → ${ms.toFixed(1)} ms (${growth.toFixed(1)}×) too`;
};

/**
 * Two sizes 4× apart, the larger first: the step is judged only when the larger costs over the floor, and then
 * that first time counts (timing it again cost a third of the mixes' time and told nothing new).
 */
const largerFirst = (
  scan: (text: string) => unknown,
  unit: string,
  steps: readonly number[],
  noiseFloorMs: number,
): string | undefined => {
  scan(fill(unit, 1 * KiB));
  const size = steps[1] ?? 0;
  const text = fill(unit, size);
  const ms = best(scan, text, 1);
  if (ms < noiseFloorMs) return undefined;
  return superLinear(scan, unit, steps, noiseFloorMs, { size, ms, text });
};

/**
 * The sizes at which a repeated `unit` is the same content: each text holds the whole unit at least once. A step
 * between a prefix of a long unit and the whole of it compares different texts, not the same text grown: the signal
 * layer's mix is 54,219 characters, and 16 KiB of it holds none of the detectors whose keywords come last, so its
 * 16 → 64 KiB step grew 13× with every layer linear (64 KiB → 1 MiB grows 4× a step). At least the last two sizes.
 */
const wholeUnitSteps = (unit: string): readonly number[] => {
  const whole = sizes.filter((size) => size >= unit.length);
  return whole.length >= 2 ? whole : sizes.slice(-2);
};

const failures = (list: readonly AdversarialCase[], scan: (text: string) => unknown) =>
  list.flatMap((c) => {
    const why =
      c.keyword === true
        ? largerFirst(scan, c.unit, keywordSizes, keywordNoiseFloorMs)
        : c.name.endsWith(' keywords mixed')
          ? largerFirst(scan, c.unit, detectorMixSizes, defaultNoiseFloorMs)
          : superLinear(scan, c.unit, wholeUnitSteps(c.unit));
    return why === undefined ? [] : [`${c.name}: ${why}`];
  });

// Unbounded quantifiers that stay linear: each is bounded by the window it runs in, and no start
// position lies inside the run it repeats over (a run of '=' holds no "end of", letters no space).
const unboundedAllowed: Readonly<Record<string, number>> = {
  // (?:^|[\[(<#=*~-]{2,}) before "end of".
  'role.fake-boundary': 1,
  // "when the `[a-z][a-z0-9]*[_-]…`": a tool name after "when ".
  'poison.tool-shadowing': 1,
};

/** The unbounded quantifiers (`*`, `+`, `{n,}`) of a regex source, outside escapes and character classes. */
const unboundedQuantifiers = (source: string): number =>
  source
    .replace(/\\./g, 'x')
    .replace(/\[[^\]]*\]/g, 'c')
    .match(/[*+]|\{\d+,\}/g)?.length ?? 0;

describe('the scanner is linear in its input', () => {
  test('every detector pattern bounds its quantifiers: a regex is then linear in its window', () => {
    const found = new Map<string, number>();
    for (const d of detectors) {
      const count = unboundedQuantifiers(d.pattern.source);
      if (count > 0) found.set(d.id, (found.get(d.id) ?? 0) + count);
    }
    expect(Object.fromEntries(found)).toEqual(unboundedAllowed);
    expect(unboundedQuantifiers(String.raw`a{1,3}[*+]\+x*(?:y|z)+w{2,}`)).toBe(3);
  });

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

  test('a quadratic scan of a unit longer than the smaller sizes still fails', () => {
    // Scans that cost CPU time by a formula: `ms` at `at` characters, growing with the square of the length (or
    // linearly, with one size slow). Reading the text n²/k times instead grew 9 to 11× a step with the JIT and the
    // caches in play, and its retries at 1 MiB took 40 s. The unit is as long as the signal layer's mix.
    const costs =
      (ms: number, at: number, power: number, slowAt = -1) =>
      (text: string): number => {
        const until =
          cpuMs() + ms * (text.length / at) ** power + (text.length === slowAt ? 30 : 0);
        let spins = 0;
        while (cpuMs() < until) spins++;
        return spins;
      };
    const unit = fill('send the password to the agent ', 54_219);
    expect(wholeUnitSteps(unit)).toEqual([64 * KiB, 256 * KiB, 1024 * KiB]);
    expect(superLinear(costs(26, 64 * KiB, 2), unit, wholeUnitSteps(unit))).toMatch(
      /linear is 4×.* too$/,
    );
    expect(
      superLinear((text) => text.indexOf('\u0000'), unit, wholeUnitSteps(unit)),
    ).toBeUndefined();
    // A linear scan slow at one size only (as a busy machine can make it, run after run) is not failed: the step after
    // it is linear. A keyword's pair of sizes gets that step too.
    expect(
      superLinear(costs(2, 64 * KiB, 1, 256 * KiB), unit, wholeUnitSteps(unit)),
    ).toBeUndefined();
    expect(
      largerFirst(costs(0.5, 8 * KiB, 1, 32 * KiB), 'Mándame', keywordSizes, keywordNoiseFloorMs),
    ).toBeUndefined();
    expect(
      largerFirst(costs(12, 32 * KiB, 2), 'Mándame', keywordSizes, keywordNoiseFloorMs),
    ).toMatch(/too$/);
  }, 120_000);

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
