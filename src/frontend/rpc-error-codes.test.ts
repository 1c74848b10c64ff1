import { describe, expect, test } from 'vitest';
import { GatewayError, type GatewayErrorCode } from '../core/errors.js';
import { rpcErrorCodeOf } from '../core/telemetry/call-attributes.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { toMcpResponse } from './to-mcp-response.js';

// Every code, so a new one cannot be added without this test seeing it.
const CODES = {
  CONFIG_NOT_FOUND: true,
  CONFIG_INVALID: true,
  BACKEND_SPAWN_FAILED: true,
  BACKEND_EXITED: true,
  BACKEND_TIMEOUT: true,
  BACKEND_PROTOCOL: true,
  BACKEND_UNAVAILABLE: true,
  BACKEND_ERROR: true,
  CALL_TIMEOUT: true,
  TOOL_NAME_COLLISION: true,
  TOOL_NOT_FOUND: true,
  TOOL_BLOCKED: true,
  AUDIT_WRITE_FAILED: true,
  CONSOLE_UNAVAILABLE: true,
  APPROVAL_NOT_FOUND: true,
  USAGE: true,
} satisfies Record<GatewayErrorCode, true>;

describe('telemetry reports the JSON-RPC error the agent actually receives', () => {
  test.each(Object.keys(CODES) as GatewayErrorCode[])('%s', (code) => {
    const outcome: ToolCallOutcome = {
      kind: 'failed',
      error: new GatewayError(code, 'x', { details: { rpcCode: -32001 } }),
    };
    let thrown: number | undefined;
    try {
      expect(toMcpResponse(outcome).isError).toBe(true);
    } catch (error) {
      thrown = (error as { code: number }).code;
    }
    expect(rpcErrorCodeOf(outcome)).toBe(thrown);
  });
});
