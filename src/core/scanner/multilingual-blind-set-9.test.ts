import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createScanner } from './scanner.js';
import { atLeast } from './severity.js';
import {
  multilingualBlindSet9 as rows,
  type BlindLabel as Label,
  type BlindRow as Row,
} from '../../../test/helpers/multilingual-blind-set-9.js';

// The blind set of issue 11's ninth round (test/helpers/multilingual-blind-set-9.ts): texts in fourteen languages written before
// the round's rules, attacks of several styles (set aside what you were told, show your system prompt, you are now
// an AI without limits, a note to the model inside a search result asking it to run a command, answer only with
// "X", give me the admin password) and benign near misses (an --ignore-case flag, a password reset page, a
// translation request, settings). Per language, rows alternate between a dev half and a held half (the style
// order shifts by one per language, so each style falls in both halves). The rules were tuned on the dev half only;
// the held half is asserted as a floor: the counts it had when the round closed.

const langs = [...new Set(rows.map((r) => r[0]))];
const halves = (() => {
  const seen = new Map<string, number>();
  const out: { dev: Row[]; held: Row[] } = { dev: [], held: [] };
  for (const row of rows) {
    const key = `${row[0]}:${row[1]}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    out[(i + langs.indexOf(row[0])) % 2 === 0 ? 'dev' : 'held'].push(row);
  }
  return out;
})();

const scanner = createScanner();
const flagged = (text: string): boolean =>
  scanner.scanText(text, 'content[0].text').some((f) => atLeast(f.severity, 'medium'));
const count = (list: readonly Row[], label: Label): { n: number; flagged: number } => {
  const of = list.filter((r) => r[1] === label);
  return { n: of.length, flagged: of.filter((r) => flagged(r[2])).length };
};

describe('round-9 multilingual blind set', () => {
  test('covers at least ten languages, with attacks and near misses in each', () => {
    expect(langs.length).toBeGreaterThanOrEqual(10);
    for (const lang of langs)
      for (const label of ['attack', 'benign'] as const)
        expect(rows.some((r) => r[0] === lang && r[1] === label)).toBe(true);
  });

  // When the round closed: dev 38/40 attacks flagged, 0/26 benign; before it, 17/40.
  test('dev half: attacks caught, near misses quiet', () => {
    expect(count(halves.dev, 'attack').flagged).toBeGreaterThanOrEqual(38);
    expect(count(halves.dev, 'benign').flagged).toBe(0);
  });

  // Held half when the round closed: 32/40 attacks, 0/26 benign (19/40 and 0/26 before it).
  test('held half: no worse than when the round closed', () => {
    expect(count(halves.held, 'attack').flagged).toBeGreaterThanOrEqual(32);
    expect(count(halves.held, 'benign').flagged).toBe(0);
  });
});

// Benign text of every script under random disguise stays benign: letter case, full-width Latin, a zero-width
// character, blanks doubled or made no-break, a line break between sentences. Attacks of the dev half that are
// caught stay caught under the disguises the normalised view undoes (all capitals, full width, no-break spaces).
// Not letter by letter alternating case outside ASCII, nor doubled blanks: the keyword pass folds ASCII case only
// and reads a phrase's keyword with its single blanks, so "НЕ сОбЛюДаЙ" and "mot  de  passe" escape it
// (docs/scanning.md, what the scanner cannot catch).
const benign = rows.filter((r) => r[1] === 'benign').map((r) => r[2]);
const caughtAttacks = halves.dev.filter((r) => r[1] === 'attack' && flagged(r[2])).map((r) => r[2]);

const kinds = ['case', 'upper', 'fullwidth', 'zero-width', 'blanks', 'nbsp', 'lines'] as const;
interface Disguise {
  readonly kind: (typeof kinds)[number];
  readonly at: number;
}
const disguises = fc.array(
  fc.record({
    kind: fc.constantFrom(...kinds),
    at: fc.nat(500),
  }),
  { minLength: 1, maxLength: 4 },
);

function apply(text: string, how: Disguise): string {
  const chars = Array.from(text);
  const at = how.at % Math.max(1, chars.length);
  switch (how.kind) {
    case 'case':
      return chars.map((c, k) => (k % 2 === at % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
    case 'upper':
      return text.toUpperCase();
    case 'fullwidth':
      return chars
        .map((c) => (/[A-Za-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
        .join('');
    case 'zero-width':
      return [...chars.slice(0, at), '\u200b', ...chars.slice(at)].join('');
    case 'blanks':
      return text.replace(/ /g, at % 2 === 0 ? '  ' : '\u00a0');
    case 'nbsp':
      return text.replace(/ /g, '\u00a0');
    case 'lines':
      return text.replace(/([.!?。！？।]) ?/g, '$1\n');
  }
}
const disguise = (text: string, hows: readonly Disguise[]): string => {
  // One zero-width character at most: several are a hidden channel of their own (hidden.zero-width).
  let zeroWidth = 0;
  return hows.reduce(
    (t, h) => (h.kind === 'zero-width' && zeroWidth++ > 0 ? t : apply(t, h)),
    text,
  );
};

const runs = Number(process.env['FUZZ_SCALE'] ?? 1) * 120;

describe('round-9 multilingual texts under random disguise', { timeout: 60_000 }, () => {
  test('benign text stays benign', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...benign),
        disguises,
        (text, hows) => !flagged(disguise(text, hows)),
      ),
      { numRuns: runs },
    );
  });

  test('a caught attack stays caught when its case, width or blanks change', () => {
    const undone = disguises.map((hows) =>
      hows.filter((h) => h.kind === 'upper' || h.kind === 'fullwidth' || h.kind === 'nbsp'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...caughtAttacks), undone, (text, hows) =>
        flagged(disguise(text, hows)),
      ),
      { numRuns: runs },
    );
  });
});
