import {
  ErrorCode,
  type JSONRPCErrorResponse,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../core/json-depth.js';

/** A JSON-RPC request id MCP accepts: a string or an integer JSON can carry exactly. */
export const isValidRequestId = (value: unknown): value is RequestId =>
  typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The error response for a message that could not be read: JSON-RPC 2.0 puts `id: null` in
 * it, MCP leaves `id` out (clients built on the SDK reject a null id), so it is left out.
 */
export const answerWithoutId = (code: number, message: string): JSONRPCErrorResponse => ({
  jsonrpc: '2.0',
  error: { code, message },
});

const answer = (id: RequestId | undefined, code: number, message: string): JSONRPCErrorResponse =>
  id === undefined
    ? answerWithoutId(code, message)
    : { jsonrpc: '2.0', id, error: { code, message } };

const invalidRequest = (id: RequestId | undefined, why: string): JSONRPCErrorResponse =>
  answer(id, ErrorCode.InvalidRequest, `Invalid Request: ${why}`);

/**
 * What JSON-RPC 2.0 (§5, §6) and MCP require the gateway to answer to a parsed message that is
 * not a valid JSON-RPC message: an Invalid Request error (-32600) for a request it cannot take,
 * Invalid Params (-32602) for params that are not an object, and nothing for a notification or
 * a response, which are never answered. The id is echoed when it can be read, left out when not.
 * Batches (removed from MCP in 2025-06-18) are refused: each request in one gets its own error.
 */
export const invalidMessageAnswers = (value: unknown): JSONRPCErrorResponse[] => {
  if (Array.isArray(value)) {
    const answers = value.flatMap((item) =>
      isPlainObject(item) && typeof item['method'] === 'string' && isValidRequestId(item['id'])
        ? [
            invalidRequest(
              item['id'],
              'JSON-RPC batches are not supported; send one message a line',
            ),
          ]
        : [],
    );
    return answers.length > 0
      ? answers
      : [invalidRequest(undefined, 'JSON-RPC batches are not supported; send one message a line')];
  }
  if (!isPlainObject(value)) return [invalidRequest(undefined, 'a message must be a JSON object')];
  const hasId = 'id' in value;
  const id = isValidRequestId(value['id']) ? value['id'] : undefined;
  if (!('method' in value)) {
    // A response (to a request of the gateway's) is never answered, even a malformed one.
    if ('result' in value || 'error' in value) return [];
    return [invalidRequest(id, 'a request needs a "method"')];
  }
  // A notification is never answered, even a malformed one.
  if (!hasId) return [];
  if (id === undefined) return [invalidRequest(undefined, '"id" must be a string or an integer')];
  if (value['jsonrpc'] !== '2.0') return [invalidRequest(id, '"jsonrpc" must be "2.0"')];
  if (typeof value['method'] !== 'string') return [invalidRequest(id, '"method" must be a string')];
  const params = value['params'];
  if (params !== undefined && !isPlainObject(params)) {
    // An array is a valid JSON-RPC params; MCP's are always an object.
    return Array.isArray(params)
      ? [answer(id, ErrorCode.InvalidParams, 'Invalid params: params must be an object')]
      : [invalidRequest(id, '"params" must be an object')];
  }
  const extra = Object.keys(value).find(
    (key) => key !== 'jsonrpc' && key !== 'id' && key !== 'method' && key !== 'params',
  );
  if (extra !== undefined)
    return [invalidRequest(id, `unexpected member ${JSON.stringify(extra.slice(0, 64))}`)];
  // The message itself is level 1, so its params are level 2.
  if (exceedsJsonDepth(params, MAX_JSON_DEPTH - 1))
    return [
      answer(
        id,
        ErrorCode.InvalidParams,
        `Invalid params: nested deeper than ${String(MAX_JSON_DEPTH)} levels, more than the gateway inspects`,
      ),
    ];
  // What is left for the SDK to refuse is the one part of params it reads: `_meta`.
  return [
    answer(
      id,
      ErrorCode.InvalidParams,
      'Invalid params: "_meta" must be an object whose "progressToken" is a string or an integer',
    ),
  ];
};
