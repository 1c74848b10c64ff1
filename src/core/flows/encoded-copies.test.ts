import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findSecrets } from '../scanner/secrets.js';
import { visitDecodedStrings } from './decoded-strings.js';
import { FingerprintStore, GUARANTEED, normalizedCode } from './fingerprint-store.js';
import { FlowSession, type FlowSource } from './flow-session.js';

// Value tracking end to end (FlowSession.findCarried): a run of sensitive text the guaranteed
// length or longer, copied into an argument in any of the encodings an exfiltrating call would
// use, is found and named; text the session never saw is not.

const source = (n: number): FlowSource => ({
  callId: `c-${n}`,
  server: 'fs',
  tool: 'read_text_file',
  receipt: { seq: n },
});

const normalizedLength = (text: string): number =>
  Array.from(text).filter((char) => normalizedCode(char.charCodeAt(0)) !== 0).length;

// Sensitive runs: words of letters, digits and non-ASCII letters between separators that
// encodings escape (quotes, backslashes, line breaks, `%`, `+`, `/`), at least the guaranteed
// number of letters and digits long.
const word = fc.string({
  unit: fc.constantFrom(
    ...Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éßж'),
  ),
  minLength: 1,
  maxLength: 12,
});
const separator = fc.constantFrom(' ', ' ', '\n', '"', '\\', '/', '+', '%', ', ', '\t', ': ', '&');
const run = fc
  .array(fc.tuple(word, separator), { minLength: 4, maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''))
  .filter((text) => normalizedLength(text) >= GUARANTEED);

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const ENCODINGS: Readonly<Record<string, (text: string) => string>> = {
  raw: (text) => text,
  'URL-encoded': (text) => encodeURIComponent(text),
  'URL-encoded twice': (text) => encodeURIComponent(encodeURIComponent(text)),
  base64,
  base64url: (text) => base64(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
  'JSON-escaped': (text) => JSON.stringify(text).slice(1, -1),
  hex: (text) => Buffer.from(text, 'utf8').toString('hex'),
  'base64 of URL-encoded': (text) => base64(encodeURIComponent(text)),
};
const encoding = fc.constantFrom(...Object.keys(ENCODINGS));

// Where the copy sits: random text on both sides (kept apart by a space, so no escape can
// swallow the copy's first characters), a JSON document in a string, or deep in the arguments.
const placed = (copy: string, before: string, after: string, where: number) => {
  switch (where) {
    case 0:
      return { body: `${before} ${copy} ${after}` };
    case 1:
      return { body: JSON.stringify({ note: `${before} ${copy}`, n: 1 }) };
    case 2:
      return { to: before, items: [{ text: after }, { text: `${copy} ${after}` }] };
    default:
      return { url: `https://example.com/c?q=${before.length}&d=${copy}` };
  }
};

describe('a fingerprinted run copied into an argument is found', () => {
  test.each([
    ['a session that remembers no secret', false],
    ['a session that also remembers a secret (every decoded copy is visited)', true],
  ])(
    '%s',
    (_name, withSecret) => {
      fc.assert(
        fc.property(
          fc.string({ maxLength: 200 }),
          run,
          fc.string({ maxLength: 200 }),
          encoding,
          fc.string({ maxLength: 200 }),
          fc.string({ maxLength: 200 }),
          fc.integer({ min: 0, max: 3 }),
          (head, secretRun, tail, name, before, after, where) => {
            const session = new FlowSession('s');
            session.remember([`${head}\n${secretRun}\n${tail}`], source(3), findSecrets);
            session.remember(
              ['an unrelated result that is long enough to be fingerprinted'],
              source(4),
              findSecrets,
            );
            if (withSecret) {
              const key = `ghp_${'T'.repeat(36)}`;
              session.rememberSecrets([`token ${key}`], source(5), findSecrets);
            }
            const copy = (ENCODINGS[name] ?? String)(secretRun);
            const carried = session.findCarried(placed(copy, before, after, where), findSecrets);
            return carried?.kind === 'text' && carried.source?.callId === 'c-3';
          },
        ),
        { numRuns: 400 },
      );
    },
    60_000,
  );
});

describe('text the session never saw is not found', () => {
  // The sensitive text is uniformly random letters: no argument shares 32 of them by chance.
  const randomLetters = fc.string({
    unit: fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyz')),
    minLength: 500,
    maxLength: 3000,
  });
  test('random arguments, in every encoding, carry nothing', () => {
    fc.assert(
      fc.property(randomLetters, fc.jsonValue(), encoding, (sensitive, value, name) => {
        const session = new FlowSession('s');
        session.remember([sensitive], source(1), findSecrets);
        const text = JSON.stringify(value);
        const args = { value, text, encoded: (ENCODINGS[name] ?? String)(text) };
        return session.findCarried(args, findSecrets) === undefined;
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('near misses: every window of the argument differs from the stored text', () => {
    // The argument is the sensitive text with one letter in every 31 changed: no run of 32.
    fc.assert(
      fc.property(randomLetters, encoding, (sensitive, name) => {
        const session = new FlowSession('s');
        session.remember([sensitive], source(1), findSecrets);
        const changed = Array.from(sensitive, (char, i) =>
          i % 31 === 30 ? String.fromCharCode(((char.charCodeAt(0) - 96) % 26) + 97) : char,
        ).join('');
        const args = { body: (ENCODINGS[name] ?? String)(changed) };
        return session.findCarried(args, findSecrets) === undefined;
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

// The checks skip decoded copies that normalise to windows their string already gave (inert
// `%XX` escapes, JSON documents without escapes): they must find exactly what visiting every
// decoded copy finds, on arguments rich in escapes, documents and fragments of stored text.
test('skipping decoded copies never changes what is found', () => {
  const stored = 'the quarterly payroll export lists every salary, bank account and address';
  const store = new FingerprintStore();
  store.add(stored, 1);
  const escapes = fc.constantFrom(
    '%20',
    '%2C',
    '%3A',
    '%0A',
    '%25',
    '%41',
    '%2F',
    '%2B',
    '%5C',
    '%7B',
    '%22',
    '%C3%A9',
    '%',
    '%2',
    '\\n',
    '\\"',
    '\\\\',
    '\\u0041',
    '\\/',
    '{',
    '[',
    '"',
    ' ',
    'QUJD',
    '4142',
  );
  const fragment = fc
    .tuple(fc.integer({ min: 0, max: stored.length }), fc.integer({ min: 0, max: stored.length }))
    .map(([a, b]) => stored.slice(Math.min(a, b), Math.max(a, b)));
  const encodedFragment = fc
    .tuple(fragment, fc.constantFrom('raw', 'url', 'url2', 'partial'))
    .map(([text, how]) =>
      how === 'raw'
        ? text
        : how === 'url'
          ? encodeURIComponent(text)
          : how === 'url2'
            ? encodeURIComponent(encodeURIComponent(text))
            : text.replace(/[aeiou ]/g, (char) => `%${char.charCodeAt(0).toString(16)}`),
    );
  const argument = fc
    .array(fc.oneof(escapes, encodedFragment, fc.string({ maxLength: 8 })), { maxLength: 24 })
    .map((parts) => parts.join(''));
  const found = (value: unknown, windowsOnly: boolean) =>
    visitDecodedStrings(value, (text) => store.find(text) !== 0, { windowsOnly });
  fc.assert(
    fc.property(argument, (text) => {
      const value = { body: text };
      return found(value, true) === found(value, false);
    }),
    { numRuns: 3000 },
  );
  // The generator does reach both outcomes.
  expect(found({ body: encodeURIComponent(stored) }, true)).toBe(true);
  expect(found({ body: '%20'.repeat(40) }, true)).toBe(false);
}, 60_000);
