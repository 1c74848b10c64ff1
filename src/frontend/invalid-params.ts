import {
  ClientRequestSchema,
  ErrorCode,
  type JSONRPCErrorResponse,
  type JSONRPCRequest,
} from '@modelcontextprotocol/sdk/types.js';

/** The SDK's own schema of each request an MCP client may send, by method. */
const schemas = new Map(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value as string, schema]),
);

/**
 * The Invalid params error (-32602) for a request whose params the SDK's schema refuses, or
 * undefined when they are fine (or the method is not one the SDK knows). The SDK's Server
 * would answer such a request with InternalError and its schema's whole report; JSON-RPC
 * says Invalid params, and the first problem is enough to fix the request.
 */
export const invalidParamsAnswer = (request: JSONRPCRequest): JSONRPCErrorResponse | undefined => {
  const parsed = schemas.get(request.method)?.safeParse(request);
  if (parsed === undefined || parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? 'params' : issue.path.map(String).join('.');
  return {
    jsonrpc: '2.0',
    id: request.id,
    error: {
      code: ErrorCode.InvalidParams,
      message: `Invalid params for ${request.method}: ${where}: ${issue?.message ?? 'invalid'}`,
    },
  };
};
