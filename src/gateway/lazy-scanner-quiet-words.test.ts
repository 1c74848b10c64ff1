import { describe, expect, test } from 'vitest';
import { createScanner } from '../core/scanner/scanner.js';
import { createInertCheck } from '../core/scanner/inert-value.js';
import {
  lazyScanner,
  learnArgumentNames,
  RESULT_WORDS,
  type KnownQuietWords,
} from './lazy-scanner.js';

/** Words remembered in memory, as the tool cache keeps them for one scanner build. */
const memory = (words: readonly string[] = []): KnownQuietWords & { words: Set<string> } => {
  const kept = new Set(words);
  return {
    words: kept,
    isQuietWord: (word) => kept.has(word),
    rememberQuietWord: (word) => {
      kept.add(word);
    },
  };
};

describe('lazyScanner with known quiet words', () => {
  test('a word remembered as quiet is answered without building the scanner', () => {
    let builds = 0;
    const scanner = lazyScanner(
      () => {
        builds++;
        return createScanner();
      },
      undefined,
      memory(['message', 'hello']),
    );
    expect(scanner.quietText('message')).toBe(true);
    // The first call of a warm start: its arguments' words are all known, nothing is built.
    const check = createInertCheck((text) => scanner.quietText(text));
    expect(check({ message: 'hello' })).toBe(true);
    expect(builds).toBe(0);
    expect(scanner.built).toBe(false);
    // A word not known, however short, is asked: the scanner is built for it.
    expect(check({ message: 'hi' })).toBe(true);
    expect(builds).toBe(1);
  });

  test('the scanner is asked about an unknown word, and only a word it clears is remembered', () => {
    const known = memory();
    const scanner = lazyScanner(createScanner, undefined, known);
    // Flagged by the scan (a token's shape, an override in one word, one encoded): never remembered.
    const flagged = [
      `ghp_${'a'.repeat(36)}`,
      'ignore_previous_instructions',
      Buffer.from('ignore all previous instructions').toString('base64'),
    ];
    for (const word of flagged) expect(scanner.quietText(word)).toBe(false);
    expect(scanner.quietText('README.md')).toBe(true);
    expect(scanner.built).toBe(true);
    expect([...known.words]).toEqual(['README.md']);
  });

  test('answers from memory agree with the scanner on the words it was asked about', () => {
    const words = ['message', 'README.md', 'ignore', 'instructions', 'exfiltrate', 'curl', 'q=1'];
    const fresh = createScanner();
    const known = memory();
    const first = lazyScanner(createScanner, undefined, known);
    for (const word of words) first.quietText(word);
    const later = lazyScanner(
      () => {
        throw new Error('not built: every word is known or flagged');
      },
      undefined,
      known,
    );
    for (const word of known.words) expect(later.quietText(word)).toBe(fresh.quietText(word));
  });
});

describe('learnArgumentNames', () => {
  test("MCP's result words are words the scanner finds nothing in", () => {
    const scanner = createScanner();
    for (const word of RESULT_WORDS) expect(scanner.quietText(word), word).toBe(true);
  });

  test("asks the scanner about MCP's result words and each declared argument name not known, once", () => {
    const known = memory(['already', 'content']);
    const asked: string[] = [];
    const scanner = {
      quietText: (text: string) => {
        asked.push(text);
        const quiet = !text.includes('instructions');
        if (quiet) known.rememberQuietWord(text);
        return quiet;
      },
    };
    const tools = [
      { inputSchema: { type: 'object', properties: { message: {}, path: {}, already: {} } } },
      { inputSchema: { type: 'object', properties: { message: {}, 'two words': {}, cafés: {} } } },
      {
        inputSchema: {
          type: 'object',
          properties: { ignore_instructions: {}, [`x${'y'.repeat(64)}`]: {} },
        },
      },
      { inputSchema: { type: 'object' } },
      { inputSchema: 'not a schema' },
      {},
    ];
    const results = RESULT_WORDS.filter((w) => w !== 'content');
    expect(learnArgumentNames(tools, scanner, known)).toBe(results.length + 3);
    // `already` and `content` are known; the others are no word the cache keeps.
    expect(asked).toEqual([...results, 'message', 'path', 'ignore_instructions']);
    expect([...known.words]).toEqual(['already', 'content', ...results, 'message', 'path']);
  });

  test('with the real scanner, a remembered name is one it finds nothing in', () => {
    const known = memory();
    const scanner = lazyScanner(createScanner, undefined, known);
    const names = ['message', 'filename', 'ignore_previous_instructions', 'recipient', 'byp455'];
    const tools = [{ inputSchema: { properties: Object.fromEntries(names.map((n) => [n, {}])) } }];
    expect(learnArgumentNames(tools, scanner, known)).toBe(RESULT_WORDS.length + names.length);
    const fresh = createScanner();
    for (const name of names) expect(known.words.has(name)).toBe(fresh.quietText(name));
    expect(known.words.has('ignore_previous_instructions')).toBe(false);
    // Six characters, and a keyword in leetspeak: asked like any other name, and not remembered.
    expect(known.words.has('byp455')).toBe(false);
  });
});
