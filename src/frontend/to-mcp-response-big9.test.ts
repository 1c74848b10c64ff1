import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { digestAuditContent } from '../audit/digest.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { toMcpResponse, toMcpResponseJson } from './to-mcp-response.js';

const receipt = { seq: 7, hash: `sha256:${'a'.repeat(64)}` };

describe('toMcpResponseJson with a large result encoded as UTF-8 chunks', () => {
  test.each([true, false])(
    'is the JSON of what toMcpResponse answers (receipt: %s)',
    (withReceipt) => {
      const result: CallToolResult = {
        content: [{ type: 'text', text: 'café 😀 "x"\n'.repeat(20_000) }],
        isError: false,
      };
      const { json } = digestAuditContent(result);
      expect(typeof json).not.toBe('string');
      const outcome: ToolCallOutcome = {
        kind: 'ok',
        result,
        findings: [],
        ...(withReceipt ? { receipt } : {}),
        encoded: { result, json },
      };
      const parts = toMcpResponseJson(outcome);
      if (parts === undefined) throw new Error('expected the encoded JSON to be reused');
      const body =
        typeof parts.body === 'string' ? parts.body : Buffer.concat(parts.body).toString('utf8');
      expect(JSON.parse(parts.head + body)).toEqual(toMcpResponse(outcome));
    },
  );
});
