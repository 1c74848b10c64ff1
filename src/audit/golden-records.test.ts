import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AuditRecordInput } from '../core/audit/audit-record.js';
import { computeAuditHash, sealAuditRecord, type ChainPosition } from '../core/audit/chain.js';
import { sha256Hex } from './digest.js';

interface Golden {
  readonly input: AuditRecordInput;
  readonly position: ChainPosition;
  readonly line: string;
}

// Lines sealed by main ff8e9d1, before the `call` and `result` records were written by
// record-text.ts (test/fixtures/audit/make-golden-records.mjs says how to make them again):
// what lands in the log for the same input must not change by a byte.
const golden = JSON.parse(
  readFileSync(new URL('../../test/fixtures/audit/golden-records.json', import.meta.url), 'utf8'),
) as readonly Golden[];

describe('sealed audit lines against the golden file', () => {
  test('covers every kind of call and result record the gateway writes', () => {
    const types = golden.map(({ input }) => input.type);
    expect(types.filter((type) => type === 'call').length).toBeGreaterThanOrEqual(10);
    expect(types.filter((type) => type === 'result').length).toBeGreaterThanOrEqual(18);
  });

  test.each(golden.map((record, index) => [index, record] as const))(
    'record %i is sealed into the same line, byte for byte',
    (_index, { input, position, line }) => {
      const sealed = sealAuditRecord(input, position, sha256Hex);
      expect(sealed.line).toBe(line);
      // And the line verifies: its hash is the one recomputed from the parsed record.
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(computeAuditHash(parsed, sha256Hex)).toBe(sealed.hash);
      expect(parsed['hash']).toBe(sealed.hash);
    },
  );
});
