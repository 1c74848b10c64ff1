import { describe, expect, test } from 'vitest';
import type { Finding } from '../core/scanner/finding.js';
import type { Scanner } from '../core/scanner/scanner.js';
import { lazyScanner } from './lazy-scanner.js';

describe('lazyScanner', () => {
  test('builds once, on first use or on build(), and answers as the scanner it wraps', () => {
    const finding = { rule: 'r', severity: 'high', field: 'x', span: [0, 1] } as unknown as Finding;
    let builds = 0;
    const calls: string[] = [];
    const inner = new Proxy({} as Scanner, {
      get:
        (_target, method: string) =>
        (...args: unknown[]) => {
          calls.push(`${method}:${String(args[0])}`);
          return [finding];
        },
    });
    const scanner = lazyScanner(() => {
      builds++;
      return inner;
    });
    expect(scanner.built).toBe(false);
    expect(builds).toBe(0);
    expect(scanner.scanText('a', 'x')).toEqual([finding]);
    scanner.build();
    expect(scanner.scanValue('b', 'args')).toEqual([finding]);
    expect(builds).toBe(1);
    expect(scanner.built).toBe(true);
    expect(calls).toEqual(['scanText:a', 'scanValue:b']);

    const early = lazyScanner(() => {
      builds++;
      return inner;
    });
    early.build();
    expect(early.built).toBe(true);
    expect(builds).toBe(2);
  });
});
