import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** Between text items in the kept text: how a client showing the items one after another reads them. */
export const TEXT_ITEM_SEPARATOR = '\n\n';

/** Room left for the note at the end of a cut result. */
export const NOTE_RESERVE_BYTES = 768;

/** How far back from the limit a cut looks for a paragraph or line end (characters). */
const BOUNDARY_WINDOW = 8192;
/** How far back it looks for a space when there is no line end (characters). */
const SPACE_WINDOW = 256;

/** UTF-8 size of a string, counted without encoding it. */
export const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
};

/**
 * True when the result's text surely fits in `limit` bytes. The common case is one length
 * comparison: a UTF-16 unit is at most 3 UTF-8 bytes, so only text between a third of the
 * limit and the limit itself is counted exactly.
 */
export const textFits = (result: CallToolResult, limit: number): boolean => {
  let units = 0;
  for (const item of result.content) if (item.type === 'text') units += item.text.length;
  if (units * 3 <= limit) return true;
  if (units > limit) return false;
  return utf8Length(joinedText(result)) <= limit;
};

/** The result's text items joined as they are kept: what offsets into a kept result count in. */
export const joinedText = (result: CallToolResult): string => {
  const texts: string[] = [];
  for (const item of result.content) if (item.type === 'text') texts.push(item.text);
  return texts.join(TEXT_ITEM_SEPARATOR);
};

/** Where a text is cut: a UTF-16 index and the UTF-8 bytes before it. */
export interface CutPoint {
  readonly index: number;
  readonly bytes: number;
}

/**
 * The cleanest place to cut `text` so that at most `maxBytes` UTF-8 bytes come before it: never
 * inside a character (or a surrogate pair), after a blank line if one is near the limit, else
 * after a line end, else after a space, else at the last whole character.
 */
export const cleanCutPoint = (text: string, maxBytes: number): CutPoint => {
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1));
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    index += pair ? 2 : 1;
  }
  if (index >= text.length) return { index: text.length, bytes };
  // Never give up more than a quarter of what fits for a nicer boundary.
  const lines = Math.min(BOUNDARY_WINDOW, Math.floor(index / 4));
  const boundary =
    after(text, '\n\n', index, lines) ??
    after(text, '\n', index, lines) ??
    after(text, ' ', index, Math.min(SPACE_WINDOW, lines));
  if (boundary === undefined) return { index, bytes };
  return { index: boundary, bytes: bytes - utf8Length(text.slice(boundary, index)) };
};

/** What the note at the end of a cut result says. */
export interface CutFacts {
  readonly shownBytes: number;
  readonly totalBytes: number;
}

/** The outcome of fitting a result to a limit. */
export interface CutPlan extends CutFacts {
  /** The whole text of the result (its text items joined), to keep. */
  readonly text: string;
  /** The result as sent, before the note is appended: text up to the cut, other items kept. */
  readonly shown: CallToolResult;
}

/**
 * Cuts a result's text to `limit` bytes (room kept for the note): text items before the cut
 * stay whole, the one it falls in is cut cleanly, later text items are left out. Images,
 * audio, embedded resources and `structuredContent` pass whole: a cut one would be corrupt,
 * and clients validate structured content against the tool's output schema.
 */
export const planCut = (result: CallToolResult, limit: number): CutPlan => {
  const text = joinedText(result);
  const cut = cleanCutPoint(text, Math.max(0, limit - NOTE_RESERVE_BYTES));
  const content: CallToolResult['content'] = [];
  let start = 0;
  for (const item of result.content) {
    if (item.type !== 'text') {
      content.push(item);
      continue;
    }
    const end = start + item.text.length;
    if (end <= cut.index) content.push(item);
    else if (start < cut.index)
      content.push({ ...item, text: item.text.slice(0, cut.index - start) });
    start = end + TEXT_ITEM_SEPARATOR.length;
  }
  return {
    text,
    shown: { ...result, content },
    shownBytes: cut.bytes,
    totalBytes: utf8Length(text),
  };
};

/** What the note at the end of a cut result is composed from. */
export interface NoteFacts extends CutFacts {
  /** The client as messages name it ("Claude Code"). */
  readonly client: string;
  readonly limit: number;
  /** Where the whole text can be read, or why it could not be kept. */
  readonly kept: { readonly uri: string } | { readonly reason: string };
  /** The `length` to suggest for each read. */
  readonly readLength: number;
}

/** The note telling the model that the result was cut, by how much, and how to read the rest. */
export const cutNote = (facts: NoteFacts): string => {
  const n = (value: number): string => value.toLocaleString('en-US');
  // The client's name comes from the client: bounded, so the note always fits its reserve.
  const client = facts.client.length > 40 ? `${facts.client.slice(0, 40)}…` : facts.client;
  const head = `[mcp-gateway] The result above was cut to fit ${client}'s limit of ${n(facts.limit)} bytes: ${n(facts.shownBytes)} of its ${n(facts.totalBytes)} bytes of text are shown, ${n(facts.totalBytes - facts.shownBytes)} are not.`;
  if ('reason' in facts.kept)
    return `${head} The rest could not be kept (${facts.kept.reason}): ask the tool for less, such as a smaller range or page.`;
  const { uri } = facts.kept;
  return `${head} The whole text is the resource ${uri} for the rest of this session. To read on, call resources/read with uri "${uri}?offset=${facts.shownBytes}&length=${facts.readLength}", then raise offset by length until it reaches ${facts.totalBytes} (offset and length count bytes of UTF-8 text).`;
};

/** The note's text item appended to a cut result. */
export const withNote = (shown: CallToolResult, note: string): CallToolResult => ({
  ...shown,
  content: [...shown.content, { type: 'text', text: note }],
});

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The index just after the last `mark` that ends within `window` characters before `index`. */
const after = (text: string, mark: string, index: number, window: number): number | undefined => {
  const found = text.lastIndexOf(mark, index - mark.length);
  if (found === -1 || found + mark.length < index - window) return undefined;
  return found + mark.length;
};
