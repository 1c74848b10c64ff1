import { describe, expect, test } from 'vitest';
import {
  encodedAttacks,
  encodedBenign,
  type EncodedCase,
} from '../../../test/helpers/encoding-blind-set.js';
import type { Finding, Severity } from './finding.js';
import { createScanner } from './scanner.js';
import { atLeast } from './severity.js';

// The blind set of issue 11's eighth round (test/helpers/encoding-blind-set.ts): orders wrapped in encodings the
// scanner did not decode before the round, and benign texts in the same forms. Results and arguments count as
// caught at medium, descriptions at high; a benign text is flagged when it warns (medium). BLIND_REPORT=1 prints
// the figures, BLIND_REPORT=misses the texts missed or flagged.

const scanner = createScanner();

function worst(found: readonly Finding[]): Severity | undefined {
  if (found.some((f) => f.severity === 'high')) return 'high';
  if (found.some((f) => f.severity === 'medium')) return 'medium';
  return found.length > 0 ? 'low' : undefined;
}

function scan(c: EncodedCase): Severity | undefined {
  if (typeof c.value !== 'string') return worst(scanner.scanValue(c.value, 'result'));
  switch (c.surface) {
    case 'result':
      return worst(scanner.scanText(c.value, 'content[0].text'));
    case 'argument':
      return worst(scanner.scanValue({ query: 'weekly report', note: c.value }, 'args'));
    case 'description':
      return worst(
        scanner.scanTool(
          { name: 'helper_tool', description: c.value },
          { server: 'helper', otherServers: [], otherToolNames: [] },
        ),
      );
  }
}

const caught = (c: EncodedCase): boolean => {
  const w = scan(c);
  return w !== undefined && atLeast(w, c.surface === 'description' ? 'high' : 'medium');
};
const flagged = (c: EncodedCase): boolean => {
  const w = scan(c);
  return w !== undefined && atLeast(w, 'medium');
};

function count(cases: readonly EncodedCase[], hit: (c: EncodedCase) => boolean): number {
  let n = 0;
  for (const c of cases) {
    const h = hit(c);
    if (h) n++;
    if (process.env['BLIND_REPORT'] === 'misses' && h !== (hit === caught))
      process.stdout.write(
        `${hit === caught ? 'missed' : 'flagged'} ${c.form}: ${JSON.stringify(c.value)}\n`,
      );
  }
  return n;
}

const dev = (cases: readonly EncodedCase[]): EncodedCase[] => cases.filter((c) => !c.held);
const held = (cases: readonly EncodedCase[]): EncodedCase[] => cases.filter((c) => c.held);
const heldOn = process.env['BLIND_HELD'] === '1';

describe('encoded blind set (issue 11, round 8)', () => {
  test('figures', () => {
    const rows: [string, number, number][] = [
      ['attacks dev caught', count(dev(encodedAttacks), caught), dev(encodedAttacks).length],
      ['benign dev flagged', count(dev(encodedBenign), flagged), dev(encodedBenign).length],
    ];
    if (heldOn)
      rows.push(
        ['attacks held caught', count(held(encodedAttacks), caught), held(encodedAttacks).length],
        ['benign held flagged', count(held(encodedBenign), flagged), held(encodedBenign).length],
      );
    if (process.env['BLIND_REPORT'])
      for (const [name, n, total] of rows) process.stdout.write(`${name}: ${n}/${total}\n`);
    expect(rows.length).toBeGreaterThan(0);
  });
});
