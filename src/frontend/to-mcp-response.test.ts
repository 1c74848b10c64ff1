import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import type { JsonText, ToolCallOutcome } from '../core/tool-call.js';
import { toMcpResponse, toMcpResponseJson } from './to-mcp-response.js';

const receipt = { seq: 7, hash: `sha256:${'a'.repeat(64)}` };

/** An ok outcome whose result's JSON was made by the audit digest, as recordAudit does. */
const encodedOutcome = (result: CallToolResult, withReceipt = true): ToolCallOutcome => ({
  kind: 'ok',
  result,
  findings: [],
  ...(withReceipt ? { receipt } : {}),
  encoded: { result, json: canonicalJson(result) },
});

const textOf = (parts: { head: string; body: JsonText } | undefined): string | undefined =>
  parts === undefined
    ? undefined
    : parts.head +
      (typeof parts.body === 'string' ? parts.body : Buffer.concat(parts.body).toString('utf8'));

describe('toMcpResponseJson', () => {
  test.each<[string, CallToolResult]>([
    ['a text result', { content: [{ type: 'text', text: 'hello "world"\n' }] }],
    ['an error result', { content: [{ type: 'text', text: 'no' }], isError: true }],
    ['structured content', { content: [], structuredContent: { b: 1, a: [null, 'x'] } }],
    ['an empty result', {} as CallToolResult],
  ])('for %s, is the JSON of what toMcpResponse answers', (_, result) => {
    for (const withReceipt of [true, false]) {
      const outcome = encodedOutcome(result, withReceipt);
      const text = textOf(toMcpResponseJson(outcome)) ?? 'undefined: not reused';
      expect(JSON.parse(text)).toEqual(toMcpResponse(outcome));
    }
  });

  test('is undefined when there is nothing to reuse or the receipt must be merged', () => {
    const result: CallToolResult = { content: [{ type: 'text', text: 'x' }] };
    // No encoded text; a result replaced after it was encoded; a result with its own _meta.
    expect(toMcpResponseJson({ kind: 'ok', result, findings: [], receipt })).toBeUndefined();
    const replaced: ToolCallOutcome = {
      kind: 'ok',
      result: { content: [{ type: 'text', text: 'redacted' }] },
      findings: [],
      receipt,
      encoded: { result, json: canonicalJson(result) },
    };
    expect(toMcpResponseJson(replaced)).toBeUndefined();
    expect(
      toMcpResponseJson(encodedOutcome({ ...result, _meta: { 'other/key': 1 } })),
    ).toBeUndefined();
  });
});
