import { describe, expect, test } from 'vitest';
import type { CachedServer, ToolCache } from '../cache/tool-cache.js';
import { validateConfig } from '../config/load.js';
import { instructionsReviewKey } from '../review/instructions-review-key.js';
import { composeInstructions, instructionsFromCache } from './compose-instructions.js';

const configWith = (scanning: Record<string, unknown> = {}) =>
  validateConfig(
    {
      servers: { a: { command: 'node', args: ['a.js'] }, b: { command: 'node', args: ['b.js'] } },
      scanning,
    },
    '/etc/gw/mcp-gateway.config.json',
    { cwd: '/etc/gw', env: { HOME: '/home/me' } },
  );

const cacheOf = (entries: Record<string, Partial<CachedServer>>): ToolCache => ({
  warnings: [],
  get: (server) => {
    const entry = entries[server];
    return entry === undefined
      ? undefined
      : { tools: [], fingerprint: '', updatedAt: '', ...entry };
  },
  put: () => undefined,
  markClean: () => undefined,
  markToolsClean: () => undefined,
  isQuietWord: () => false,
  rememberQuietWord: () => undefined,
  retain: () => undefined,
  close: () => Promise.resolve(),
});

describe('instructions before the scanner has loaded', () => {
  test('cached instructions that scanned clean under the same key are shown at once', () => {
    const config = configWith();
    const fromCache = instructionsFromCache(
      config,
      cacheOf({
        a: {
          instructions: 'Call list first.',
          instructionsClean: instructionsReviewKey('Call list first.', config.scanning),
        },
        b: {},
      }),
    );
    expect(fromCache?.text).toBe(
      composeInstructions('__', [{ server: 'a', text: 'Call list first.' }]),
    );
    expect(fromCache?.text).toContain('## a\nCall list first.');
  });

  test('a verdict given under other scanning settings or for another text means reviewing first', () => {
    const before = configWith();
    const key = instructionsReviewKey('Call list first.', before.scanning);
    const after = configWith({ allow: [{ rule: 'override.ignore-previous' }] });
    expect(
      instructionsFromCache(
        after,
        cacheOf({ a: { instructions: 'Call list first.', instructionsClean: key } }),
      ),
    ).toBeUndefined();
    expect(
      instructionsFromCache(
        before,
        cacheOf({ a: { instructions: 'Call me first.', instructionsClean: key } }),
      ),
    ).toBeUndefined();
    // Nothing cached without a verdict.
    expect(instructionsFromCache(before, cacheOf({ a: { instructions: 'Hi.' } }))).toBeUndefined();
  });

  test('with descriptions not scanned, or no instructions cached, nothing waits', () => {
    expect(
      instructionsFromCache(
        configWith({ descriptions: 'off' }),
        cacheOf({ a: { instructions: 'Hi.' } }),
      )?.text,
    ).toContain('## a\nHi.');
    expect(instructionsFromCache(configWith(), cacheOf({}))).toEqual({ text: undefined });
  });
});
