import { describe, expect, test } from 'vitest';
import {
  attacks10,
  benign10,
  type Case10,
} from '../../../test/helpers/obfuscation-blind-set-10.js';
import type { Finding, Severity } from './finding.js';
import { createScanner } from './scanner.js';
import { atLeast } from './severity.js';

// The blind set of issue 11's tenth round (test/helpers/obfuscation-blind-set-10.ts): orders under disguises
// (alternating case outside ASCII, irregular blanks, words run together, encodings, letter-level tricks, fields)
// and benign texts with the same surface features. Results, arguments and values count as caught at medium,
// descriptions at high; a benign text is flagged when it warns (medium). BLIND_REPORT=1 prints the figures,
// BLIND_REPORT=misses the texts missed or flagged; BLIND_HELD=1 adds the held half.

const scanner = createScanner();

function worst(found: readonly Finding[]): Severity | undefined {
  if (found.some((f) => f.severity === 'high')) return 'high';
  if (found.some((f) => f.severity === 'medium')) return 'medium';
  return found.length > 0 ? 'low' : undefined;
}

function scan(c: Case10): Severity | undefined {
  switch (c.surface) {
    case 'value':
      return worst(scanner.scanValue(c.value, 'result'));
    case 'result':
      return worst(scanner.scanText(String(c.value), 'content[0].text'));
    case 'argument':
      return worst(scanner.scanValue({ query: 'weekly report', note: String(c.value) }, 'args'));
    case 'description':
      return worst(
        scanner.scanTool(
          { name: 'helper_tool', description: String(c.value) },
          { server: 'helper', otherServers: [], otherToolNames: [] },
        ),
      );
  }
}

const caught = (c: Case10): boolean => {
  const w = scan(c);
  return w !== undefined && atLeast(w, c.surface === 'description' ? 'high' : 'medium');
};
const flagged = (c: Case10): boolean => {
  const w = scan(c);
  return w !== undefined && atLeast(w, 'medium');
};

function count(cases: readonly Case10[], hit: (c: Case10) => boolean): number {
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

const dev = (cases: readonly Case10[]): Case10[] => cases.filter((c) => !c.held);
const held = (cases: readonly Case10[]): Case10[] => cases.filter((c) => c.held);
const heldOn = process.env['BLIND_HELD'] === '1';

describe('obfuscation blind set (issue 11, round 10)', () => {
  test('the set is as large as the round asked and split in halves', () => {
    expect(attacks10.length).toBeGreaterThanOrEqual(40);
    expect(benign10.length).toBeGreaterThanOrEqual(30);
    expect(held(attacks10).length).toBeGreaterThanOrEqual(20);
    expect(dev(benign10).length).toBeGreaterThanOrEqual(15);
  });

  test('figures', () => {
    const rows: [string, number, number][] = [
      ['attacks dev caught', count(dev(attacks10), caught), dev(attacks10).length],
      ['benign dev flagged', count(dev(benign10), flagged), dev(benign10).length],
    ];
    if (heldOn)
      rows.push(
        ['attacks held caught', count(held(attacks10), caught), held(attacks10).length],
        ['benign held flagged', count(held(benign10), flagged), held(benign10).length],
      );
    if (process.env['BLIND_REPORT'])
      for (const [name, n, total] of rows) process.stdout.write(`${name}: ${n}/${total}\n`);
    expect(rows.length).toBeGreaterThan(0);
  });
});
