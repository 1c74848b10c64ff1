/** Every failure the gateway reports, by stable string code. */
export type GatewayErrorCode =
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'BACKEND_SPAWN_FAILED'
  | 'BACKEND_EXITED'
  | 'BACKEND_TIMEOUT'
  | 'BACKEND_PROTOCOL'
  | 'BACKEND_UNAVAILABLE'
  /** The backend answered with a JSON-RPC error; details carry rpcCode and rpcData to relay. */
  | 'BACKEND_ERROR'
  | 'CALL_TIMEOUT'
  | 'TOOL_NAME_COLLISION'
  | 'TOOL_NOT_FOUND'
  /** The tool exists but is withheld (poisoned description, definition changed since pinned). */
  | 'TOOL_BLOCKED'
  | 'AUDIT_WRITE_FAILED'
  /** No running gateway's console answers (for `approvals` and `console`); details carry the HTTP status. */
  | 'CONSOLE_UNAVAILABLE'
  /** `approvals approve|deny ID` named a call that no longer waits. */
  | 'APPROVAL_NOT_FOUND'
  | 'USAGE';

/** The one error class of the gateway: a code, a message that names the fix, and the cause. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly code: GatewayErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: GatewayErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Readonly<Record<string, unknown>> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details;
  }
}

/** True for errors raised by the gateway itself (as opposed to programmer errors). */
export const isGatewayError = (value: unknown): value is GatewayError =>
  value instanceof GatewayError;
