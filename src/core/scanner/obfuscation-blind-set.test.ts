import { describe, expect, test } from 'vitest';
import {
  benignNatural,
  blindAttacksA,
  blindSetB,
  disguisedCases,
  multilingualAttacks,
  multilingualBenign,
  type BlindCase,
  type Surface,
} from '../../../test/helpers/obfuscation-blind-set.js';
import type { Finding, Severity } from './finding.js';
import { createScanner } from './scanner.js';
import { atLeast } from './severity.js';

// The blind set of issue 11's sixth round (test/helpers/obfuscation-blind-set.ts): attacks disguised by every
// obfuscation at several strengths must be caught (results and arguments flag at medium, descriptions block at
// high); benign texts that look obfuscated by nature, and near misses in other languages, must not warn.
// BLIND_REPORT=1 prints the rate per kind of disguise.
//
// First pass of main before the round (cbf456c), set A: homoglyphs 165/240 (Cyrillic 25/30, Greek 5/30, Armenian
// 17/30, fullwidth and mathematical 29/30 each, small capitals 2/30), leetspeak 103/120, split letters 143/180
// (combining marks 3/30, the others 26-30/30), encodings 160/200 (ROT13 0/20, the others 8-9/10), split across
// fields 82/84; benign texts that look obfuscated 0/40 warned; non-English attacks 20/30 caught (descriptions
// 0/4), near misses 1/30 warned (Indonesian).

const scanner = createScanner();

function worst(found: readonly Finding[]): Severity | undefined {
  if (found.some((f) => f.severity === 'high')) return 'high';
  if (found.some((f) => f.severity === 'medium')) return 'medium';
  return found.length > 0 ? 'low' : undefined;
}

function scan(surface: Surface, value: BlindCase['value']): Severity | undefined {
  if (typeof value !== 'string')
    return worst(
      value.asText
        ? scanner.scanText(JSON.stringify(value.split, null, 2), 'content[0].text')
        : surface === 'argument'
          ? scanner.scanValue(value.split, 'args')
          : scanner.scanValue({ structuredContent: value.split }, 'result'),
    );
  switch (surface) {
    case 'result':
      return worst(scanner.scanText(value, 'content[0].text'));
    case 'argument':
      return worst(scanner.scanValue({ query: 'weekly report', note: value }, 'args'));
    case 'description':
      return worst(
        scanner.scanTool(
          { name: 'helper_tool', description: value },
          { server: 'helper', otherServers: [], otherToolNames: [] },
        ),
      );
  }
}

const caught = (surface: Surface, value: BlindCase['value']): boolean => {
  const w = scan(surface, value);
  return w !== undefined && atLeast(w, surface === 'description' ? 'high' : 'medium');
};
const warned = (surface: Surface, value: string): boolean => {
  const w = scan(surface, value);
  return w !== undefined && atLeast(w, 'medium');
};

/** Caught / total per kind of disguise, and per family (the part before the slash). */
function rates(cases: readonly BlindCase[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const c of cases) {
    const hit = caught(c.surface, c.value) ? 1 : 0;
    if (hit === 0 && process.env['BLIND_REPORT'] === 'misses')
      process.stdout.write(`missed ${c.kind} ${c.surface}: ${JSON.stringify(c.value)}\n`);
    for (const key of [c.kind.split('/')[0] ?? c.kind, c.kind]) {
      const [h, n] = out.get(key) ?? [0, 0];
      out.set(key, [h + hit, n + 1]);
    }
  }
  return out;
}

function report(title: string, table: Map<string, [number, number]>): void {
  if (process.env['BLIND_REPORT'] !== '1') return;
  const lines = [...table].map(
    ([k, [h, n]]) => `${k.includes('/') ? '    ' : '  '}${k.padEnd(36)} ${h}/${n}`,
  );
  process.stdout.write(`${title}\n${lines.join('\n')}\n`);
}

const casesA = disguisedCases(blindAttacksA);

// Thousands of scans, and the first ones compile the lexicons' patterns: more than the default five seconds.
const slow = { timeout: 120_000 };

describe('obfuscation blind set A', slow, () => {
  test('the attacks are caught undisguised', () => {
    for (const a of blindAttacksA) expect(caught(a.surface, a.text), a.text).toBe(true);
  });

  test('disguised attacks are caught per kind of disguise', () => {
    const table = rates(casesA);
    report('blind set A, caught per disguise', table);
    for (const [family, floor] of Object.entries(floorsA)) {
      const [h, n] = table.get(family) ?? [0, 1];
      expect(h / n, family).toBeGreaterThanOrEqual(floor);
    }
  });
});

// Measured once, after the round's changes (see the docs' obfuscation paragraph).
describe('obfuscation blind set B', slow, () => {
  test('disguised attacks are caught per kind of disguise', () => {
    const table = rates(disguisedCases(blindSetB));
    report('blind set B, caught per disguise', table);
    for (const [family, floor] of Object.entries(floorsB)) {
      const [h, n] = table.get(family) ?? [0, 1];
      expect(h / n, family).toBeGreaterThanOrEqual(floor);
    }
  });
});

describe('benign texts that look obfuscated by nature do not warn', slow, () => {
  test.each(benignNatural.map((b, i) => [i, b.surface, b.text] as const))(
    '#%i %s',
    (_i, surface, text) => {
      expect(warned(surface, text)).toBe(false);
    },
  );
});

describe('non-English attacks and near misses', slow, () => {
  test('attacks are caught', () => {
    const missed = multilingualAttacks.filter(([, surface, text]) => !caught(surface, text));
    if (process.env['BLIND_REPORT'] === '1')
      process.stdout.write(
        `multilingual attacks caught ${multilingualAttacks.length - missed.length}/${multilingualAttacks.length}; missed:\n${missed.map((m) => `  ${m[0]} ${m[2]}`).join('\n')}\n`,
      );
    expect(missed.length).toBeLessThanOrEqual(multilingualMissAllowance);
  });

  test.each(multilingualBenign.map((b, i) => [i, ...b] as const))(
    '#%i %s %s near miss does not warn',
    (_i, _lang, surface, text) => {
      expect(warned(surface, text)).toBe(false);
    },
  );
});

// Floors per family: the rates measured after the round, rounded down (first pass of main at the top).
// Set A after: homoglyphs 220/240, leetspeak 103/120, split letters 165/180, encodings 180/200, fields 82/84.
const floorsA: Readonly<Record<string, number>> = {
  homoglyph: 0.9,
  leetspeak: 0.85,
  split: 0.9,
  encoded: 0.9,
  fields: 0.95,
};
// Set B, measured once after the round's changes: homoglyphs 121/144, leetspeak 59/72, split letters 95/108,
// encodings 100/120, fields 47/48.
const floorsB: Readonly<Record<string, number>> = {
  homoglyph: 0.8,
  leetspeak: 0.8,
  split: 0.85,
  encoded: 0.8,
  fields: 0.95,
};
// After the round 29/30 (a French note asking for a deletion names no ask the lexicons know).
const multilingualMissAllowance = 1;
