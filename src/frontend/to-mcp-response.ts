import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { GatewayError } from '../core/errors.js';
import type { JsonText, ToolCallOutcome } from '../core/tool-call.js';

const STAGE = {
  description: "the tool's description",
  arguments: "the call's arguments",
  result: "the tool's result",
} as const;

/** A backend's JSON-RPC error, re-raised so the SDK answers with the backend's own code and message. */
export class RelayedRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

const toolError = (text: string): CallToolResult => ({
  content: [{ type: 'text', text }],
  isError: true,
});

/**
 * The one place outcomes become MCP: denials and blocks are tool results the model can read;
 * an unknown tool is InvalidParams; a backend's own error is relayed; the rest is InternalError.
 */
export const toMcpResponse = (outcome: ToolCallOutcome): CallToolResult => {
  const result = toResult(outcome);
  if (outcome.receipt === undefined) return result;
  // The receipt names the audit record this result can be checked against (DESIGN §9).
  return Object.assign({}, result, {
    _meta: Object.assign({}, result._meta, { [RECEIPT_KEY]: outcome.receipt }),
  });
};

/** Where a tool result carries its audit receipt. */
export const RECEIPT_KEY = 'mcp-gateway/receipt';

/**
 * What `toMcpResponse` returns, as JSON text, when the outcome carries its result's JSON
 * already (`encoded`): the receipt is put in front of the members, so a large result is sent
 * without being serialised again. The text is `head + body` (kept apart so a large body is never
 * copied into a new string); a large result's body is its UTF-8 bytes in chunks. Undefined when
 * there is nothing to reuse; a result with a `_meta` of its own also goes the ordinary way,
 * since its members and the receipt must be merged.
 */
export const toMcpResponseJson = (
  outcome: ToolCallOutcome,
): { readonly head: string; readonly body: JsonText } | undefined => {
  if (outcome.kind !== 'ok') return undefined;
  const encoded = outcome.encoded;
  if (encoded?.result !== outcome.result || outcome.result._meta !== undefined) return undefined;
  const { json } = encoded;
  if (outcome.receipt === undefined) return { head: '', body: json };
  const meta = `{"_meta":{${JSON.stringify(RECEIPT_KEY)}:${JSON.stringify(outcome.receipt)}}`;
  if (typeof json !== 'string') {
    // Chunks hold an object's JSON from its `{` on: the receipt goes in after that byte.
    const [first, ...rest] = json;
    if (first?.[0] !== 0x7b) return undefined;
    return first[1] === 0x7d && first.length === 2 && rest.length === 0
      ? { head: meta, body: '}' }
      : { head: `${meta},`, body: [first.subarray(1), ...rest] };
  }
  if (!json.startsWith('{')) return undefined;
  return json === '{}' ? { head: meta, body: '}' } : { head: `${meta},`, body: json.slice(1) };
};

const toResult = (outcome: ToolCallOutcome): CallToolResult => {
  switch (outcome.kind) {
    case 'ok':
      return outcome.result;
    case 'denied': {
      const { decision } = outcome;
      const retry =
        decision.retryAfterSeconds === undefined
          ? ''
          : ` Retry after ${decision.retryAfterSeconds} s.`;
      return toolError(
        `Denied by the gateway's policy (rule "${decision.decidingRule}"): ${decision.reason}${retry}`,
      );
    }
    case 'blocked': {
      const rules = [...new Set(outcome.findings.map((f) => f.rule))].join(', ');
      const where = STAGE[outcome.stage];
      return toolError(`Blocked by the gateway's content scanner: ${where} matched ${rules}.`);
    }
    case 'failed':
      return fromError(outcome.error);
  }
};

const fromError = (error: GatewayError): CallToolResult => {
  switch (error.code) {
    case 'TOOL_NOT_FOUND':
    case 'USAGE':
      throw new McpError(ErrorCode.InvalidParams, error.message);
    case 'BACKEND_ERROR': {
      const code = error.details?.['rpcCode'];
      throw new RelayedRpcError(
        typeof code === 'number' ? code : ErrorCode.InternalError,
        error.message,
        error.details?.['rpcData'],
      );
    }
    case 'BACKEND_SPAWN_FAILED':
    case 'BACKEND_EXITED':
    case 'BACKEND_TIMEOUT':
    case 'BACKEND_PROTOCOL':
    case 'BACKEND_UNAVAILABLE':
    case 'CALL_TIMEOUT':
    case 'TOOL_BLOCKED':
      return toolError(error.message);
    case 'AUDIT_WRITE_FAILED':
      return toolError(
        `The gateway refused the call because its audit log cannot be written: ${error.message}`,
      );
    case 'CONFIG_NOT_FOUND':
    case 'CONFIG_INVALID':
    case 'TOOL_NAME_COLLISION':
    case 'CONSOLE_UNAVAILABLE':
    case 'APPROVAL_NOT_FOUND':
      // Never a client-fault code for a server-side failure, and never a stack trace.
      throw new McpError(ErrorCode.InternalError, error.message);
  }
};
