import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import {
  NOTE_RESERVE_BYTES,
  cleanCutPoint,
  cutNote,
  planCut,
  textFits,
  utf8Length,
  withNote,
} from './cut-result.js';
import { parseResultUri, toResultUri } from './result-uri.js';

const bytes = (text: string): number => new TextEncoder().encode(text).length;
const text = (t: string): CallToolResult => ({ content: [{ type: 'text', text: t }] });

describe('utf8Length and textFits', () => {
  test('count UTF-8 bytes as the encoder does, surrogate pairs and lone surrogates included', () => {
    for (const sample of ['abc', 'café', '😀x', 'a\uD800b', '\uDC00', '日本語'])
      expect(utf8Length(sample)).toBe(bytes(sample));
  });

  test('fits compares the text bytes to the limit, exactly near it', () => {
    expect(textFits(text('é'.repeat(50)), 100)).toBe(true);
    expect(textFits(text('é'.repeat(51)), 100)).toBe(false);
    expect(
      textFits({ content: [{ type: 'image', data: 'x'.repeat(1000), mimeType: 'image/png' }] }, 10),
    ).toBe(true);
  });
});

describe('cleanCutPoint', () => {
  test('prefers a blank line, then a line end, then a space near the limit', () => {
    const paragraph = `${'a'.repeat(70)}\n\n${'b'.repeat(20)}\n${'c'.repeat(5)} ${'d'.repeat(40)}`;
    expect(paragraph.slice(0, cleanCutPoint(paragraph, 100).index)).toBe(
      `${'a'.repeat(70)}\n\n${'b'.repeat(20)}\n`,
    );
    const words = `${'w'.repeat(90)} ${'x'.repeat(30)}`;
    expect(cleanCutPoint(words, 100).index).toBe(91);
  });

  test('never splits a character or a surrogate pair, and counts the bytes it keeps', () => {
    const emoji = '😀'.repeat(30); // 4 bytes each, no boundary to prefer
    const cut = cleanCutPoint(emoji, 10);
    expect(cut).toEqual({ index: 4, bytes: 8 });
    const accents = 'é'.repeat(30);
    expect(cleanCutPoint(accents, 9)).toEqual({ index: 4, bytes: 8 });
  });

  test('text that fits is kept whole', () => {
    expect(cleanCutPoint('short', 100)).toEqual({ index: 5, bytes: 5 });
  });
});

describe('planCut', () => {
  test('keeps whole items before the cut, cuts the one it falls in, drops later text, keeps images', () => {
    const image = { type: 'image' as const, data: 'AAAA', mimeType: 'image/png' };
    const result: CallToolResult = {
      content: [
        { type: 'text', text: 'first item\n' },
        image,
        { type: 'text', text: 'line\n'.repeat(400) },
        { type: 'text', text: 'never shown' },
      ],
      structuredContent: { kept: true },
    };
    const plan = planCut(result, NOTE_RESERVE_BYTES + 500);
    expect(plan.totalBytes).toBe(bytes(plan.text));
    expect(plan.shown.content[0]).toEqual({ type: 'text', text: 'first item\n' });
    expect(plan.shown.content[1]).toEqual(image);
    expect(plan.shown.content).toHaveLength(3);
    const cutItem = plan.shown.content[2] as { text: string };
    expect(cutItem.text.endsWith('line\n')).toBe(true);
    expect(plan.shownBytes).toBe(bytes('first item\n') + bytes('\n\n') + bytes(cutItem.text));
    expect(plan.shownBytes).toBeLessThanOrEqual(500);
    expect(plan.shown.structuredContent).toEqual({ kept: true });
  });

  test('the note says how much was cut and how to read on; with it the result stays within the limit', () => {
    const limit = 5000;
    const plan = planCut(text('x '.repeat(10_000)), limit);
    const uri = toResultUri('ab'.repeat(16));
    const note = cutNote({
      ...plan,
      client: 'A client with a very long name indeed, longer than forty',
      limit,
      kept: { uri },
      readLength: limit,
    });
    expect(note).toContain(`${plan.shownBytes.toLocaleString('en-US')} of its 20,000 bytes`);
    expect(note).toContain(`${uri}?offset=${plan.shownBytes}&length=${limit}`);
    const sent = withNote(plan.shown, note);
    const all = sent.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
    expect(bytes(all)).toBeLessThanOrEqual(limit);
    expect(
      cutNote({ ...plan, client: 'X', limit, kept: { reason: 'no room' }, readLength: limit }),
    ).toContain('could not be kept (no room)');
  });
});

describe('result URIs', () => {
  test('round trip with a byte range', () => {
    const id = '0123456789abcdef';
    expect(parseResultUri(toResultUri(id, { offset: 5, length: 10 }))).toEqual({
      id,
      offset: 5,
      length: 10,
    });
    expect(parseResultUri(toResultUri(id))).toEqual({ id, offset: undefined, length: undefined });
  });

  test('other URIs are not ours; malformed ranges say what is wrong', () => {
    expect(parseResultUri('file:///x')).toBeUndefined();
    // A backend's URI rewritten under the gateway scheme is percent-encoded, never hex only.
    expect(parseResultUri('mcp-gateway://results/file%3A%2F%2Fx')).toBeUndefined();
    expect(parseResultUri('mcp-gateway://results/abcdef01?offset=-1')).toEqual({
      error: 'offset must be a whole number of bytes, not "-1"',
    });
    expect(parseResultUri('mcp-gateway://results/abcdef01?page=2')).toMatchObject({
      error: expect.stringContaining('unknown query parameter "page"') as unknown,
    });
  });
});
