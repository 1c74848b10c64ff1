import { describe, expect, test } from 'vitest';
import { precomputeScannerTables } from '../../scripts/precompute-scanner.js';
import {
  keywordsKey,
  precomputedKeywords,
  precomputedUse,
  recordTables,
  usePrecomputedTables,
  type PrecomputedTables,
} from '../../src/core/scanner/precomputed.js';
import { createScanner } from '../../src/core/scanner/scanner.js';
import { keywordsOf } from '../../src/core/scanner/lexicon/stems.js';
import { inViewText } from '../../src/core/scanner/in-view-text.js';

describe("the scanner's tables carried by the bundle", () => {
  test('are what building the scanner computes at run time, from the same sources', async () => {
    // First in this file: the lexicon detectors write their keywords once per process.
    const atRunTime = recordTables(() => createScanner());
    const bundled = JSON.parse(await precomputeScannerTables()) as PrecomputedTables;
    expect(atRunTime.keywords.length).toBeGreaterThan(100);
    expect(bundled).toEqual(JSON.parse(JSON.stringify(atRunTime)));
    // Each list is the lexicon's own computation on the input its key names.
    for (const [key, keywords] of atRunTime.keywords.slice(0, 40)) {
      const [lang = '', ...stems] = key.split('\u0000');
      expect(keywords).toEqual(keywordsOf(stems, lang as never).map(inViewText));
    }
  }, 60_000);

  test('are taken only for the exact input they were computed from', () => {
    const stems = ['ignor*', 'olvid*'];
    usePrecomputedTables({ keywords: [[keywordsKey('es', stems), ['from-the-bundle']]] });
    try {
      const computed = (): string[] => ['computed'];
      const before = precomputedUse();
      expect(precomputedKeywords(keywordsKey('es', stems), computed)).toEqual(['from-the-bundle']);
      // A stem changed, added or dropped, or another language: computed, never the stale list.
      expect(precomputedKeywords(keywordsKey('es', ['ignor*', 'olvida*']), computed)).toEqual([
        'computed',
      ]);
      expect(precomputedKeywords(keywordsKey('es', [...stems, 'omit*']), computed)).toEqual([
        'computed',
      ]);
      expect(precomputedKeywords(keywordsKey('es', ['ignor*']), computed)).toEqual(['computed']);
      expect(precomputedKeywords(keywordsKey('pt', stems), computed)).toEqual(['computed']);
      // Stems are joined with a separator no stem holds: ["a", "b"] is not ["a\u0000b"]-like.
      expect(keywordsKey('es', ['ignor*olvid*'])).not.toBe(keywordsKey('es', stems));
      const after = precomputedUse();
      expect(after.precomputed - before.precomputed).toBe(1);
      expect(after.computed - before.computed).toBe(4);
    } finally {
      usePrecomputedTables(undefined);
    }
  });

  test('are not taken while tables are being recorded', () => {
    usePrecomputedTables({ keywords: [[keywordsKey('en', ['x*']), ['stale']]] });
    try {
      const recorded = recordTables(() => {
        expect(precomputedKeywords(keywordsKey('en', ['x*']), () => ['fresh'])).toEqual(['fresh']);
      });
      expect(recorded.keywords).toEqual([[keywordsKey('en', ['x*']), ['fresh']]]);
    } finally {
      usePrecomputedTables(undefined);
    }
  });
});
