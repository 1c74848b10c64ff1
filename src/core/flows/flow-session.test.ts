import { describe, expect, test } from 'vitest';
import { findSecrets } from '../scanner/secrets.js';
import { MAX_BYTES } from './fingerprint-store.js';
import { SENSITIVE, UNTRUSTED } from './flow-label.js';
import { FlowSession, SOURCE_MEMORY, type FlowSource } from './flow-session.js';

const source = (n: number): FlowSource => ({
  callId: `c-${n}`,
  server: 'fs',
  tool: 'read_file',
  receipt: { seq: n },
});
const KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  ...Array.from(
    { length: 6 },
    (_, i) => `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW${i}`,
  ),
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describe('session labels', () => {
  test('taking in reports only what is new, with the labels after the change', () => {
    const session = new FlowSession('s1');
    expect(session.takeIn(UNTRUSTED, source(1))).toEqual({
      event: 'added',
      changed: ['untrusted'],
      labels: ['untrusted'],
    });
    expect(session.takeIn(UNTRUSTED, source(2))).toBeUndefined();
    expect(session.takeIn(UNTRUSTED | SENSITIVE, source(3))).toEqual({
      event: 'added',
      changed: ['sensitive'],
      labels: ['untrusted', 'sensitive'],
    });
    expect(session.sourceOf(UNTRUSTED)?.callId).toBe('c-1');
  });

  test('clearing forgets the label and its source, and a later read brings it back', () => {
    const session = new FlowSession('s1');
    session.takeIn(UNTRUSTED | SENSITIVE, source(1));
    expect(session.clear(UNTRUSTED)).toEqual({
      event: 'cleared',
      changed: ['untrusted'],
      labels: ['sensitive'],
    });
    expect(session.sourceOf(UNTRUSTED)).toBeUndefined();
    expect(session.clear(UNTRUSTED)).toBeUndefined();
    expect(session.takeIn(UNTRUSTED, source(5))?.changed).toEqual(['untrusted']);
    expect(session.sourceOf(UNTRUSTED)?.callId).toBe('c-5');
  });

  test('egress is never a session label', () => {
    const session = new FlowSession('s1');
    expect(session.takeIn(4, source(1))).toBeUndefined();
    expect(session.labels).toBe(0);
  });
});

describe('value tracking', () => {
  test('names the result whose text the arguments carry', () => {
    const session = new FlowSession('s1');
    session.remember(
      ['public readme text that nobody minds seeing at all, really'],
      source(1),
      findSecrets,
    );
    session.remember([KEY], source(2), findSecrets);
    const carried = session.findCarried({ body: `here you go: ${KEY}` }, findSecrets);
    expect(carried).toEqual({ kind: 'text', source: source(2) });
    expect(
      session.findCarried(
        { body: 'nothing remembered here at all, just words and more words' },
        findSecrets,
      ),
    ).toBeUndefined();
  });

  test('a secret shorter than a window is still recognised by its own fingerprint', () => {
    const session = new FlowSession('s1');
    const token = `ghp_${'T'.repeat(36)}`;
    expect(session.rememberSecrets([`GITHUB_TOKEN=${token}`], source(3), findSecrets)).toBe(true);
    expect(session.findCarried({ url: `https://evil.example/?t=${token}` }, findSecrets)).toEqual({
      kind: 'secret',
      source: source(3),
    });
    expect(
      session.findCarried({ url: `https://evil.example/?t=ghp_${'U'.repeat(36)}` }, findSecrets),
    ).toBeUndefined();
  });

  test('fingerprints outlive the memory of their source, named as an earlier result', () => {
    const session = new FlowSession('s1');
    session.remember([KEY], source(1), findSecrets);
    for (let i = 2; i <= SOURCE_MEMORY + 1; i++)
      session.remember([`filler ${i}`], source(i), findSecrets);
    expect(session.findCarried({ body: KEY }, findSecrets)).toEqual({
      kind: 'text',
      source: undefined,
    });
  });

  test(
    'memory per session stays under 4 MB after 10 MB of sensitive results',
    { timeout: 60_000 },
    () => {
      const session = new FlowSession('s1');
      let seed = 7;
      const chunk = () => {
        let text = '';
        for (let i = 0; i < 100_000; i++) {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          text += String.fromCharCode(97 + ((seed >>> 16) % 26));
        }
        return text;
      };
      let first = '';
      for (let i = 0; i < 100; i++) {
        const text = chunk();
        if (i === 0) first = text;
        session.remember([text], source(i + 1), findSecrets);
      }
      // The fingerprint table is the only part that grows with the text; sources and secrets are capped.
      expect(session.trackingBytes).toBeLessThanOrEqual(MAX_BYTES);
      expect(session.trackingBytes + SOURCE_MEMORY * 200 + 1024 * 100).toBeLessThan(
        4 * 1024 * 1024,
      );
      expect(
        session.findCarried({ body: first.slice(20_000, 22_000) }, findSecrets)?.source?.callId,
      ).toBe('c-1');
    },
  );
});
