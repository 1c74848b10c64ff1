import { describe, expect, test } from 'vitest';
import { invalidMessageAnswers, isValidRequestId } from './invalid-message-answers.js';
import { invalidParamsAnswer } from './invalid-params.js';

const codes = (value: unknown) =>
  invalidMessageAnswers(value).map((a) => [a.id ?? null, a.error.code]);

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('invalidMessageAnswers', () => {
  test.each([
    ['a string', 'x', [[null, -32600]]],
    ['an empty batch', [], [[null, -32600]]],
    [
      'a batch of two requests',
      [
        { jsonrpc: '2.0', id: 1, method: 'ping' },
        { jsonrpc: '2.0', id: 'b', method: 'ping' },
      ],
      [
        [1, -32600],
        ['b', -32600],
      ],
    ],
    [
      'a request without jsonrpc',
      { id: 9007199254740991, method: '' },
      [[9007199254740991, -32600]],
    ],
    ['a request with a float id', { jsonrpc: '2.0', id: 1.5, method: 'ping' }, [[null, -32600]]],
    [
      'a request with array params',
      { jsonrpc: '2.0', id: 2, method: 'ping', params: [1] },
      [[2, -32602]],
    ],
    [
      'a request with string params',
      { jsonrpc: '2.0', id: 2, method: 'ping', params: 's' },
      [[2, -32600]],
    ],
    ['an extra member', { jsonrpc: '2.0', id: 3, method: 'ping', x: 1 }, [[3, -32600]]],
    ['a method that is not a string', { jsonrpc: '2.0', id: 4, method: 7 }, [[4, -32600]]],
    ['no method, no result', { jsonrpc: '2.0', id: 5 }, [[5, -32600]]],
    [
      'params deeper than 64 levels',
      { jsonrpc: '2.0', id: 6, method: 'ping', params: { v: nested(63) } },
      [[6, -32602]],
    ],
  ])('answers %s', (_name, value, expected) => {
    expect(codes(value)).toEqual(expected);
  });

  test.each([
    ['a notification', { jsonrpc: '2.0', method: 'notifications/x', params: 5 }],
    ['a response', { jsonrpc: '2.0', id: 1, result: 5 }],
    ['an error response', { jsonrpc: '2.0', id: 1, error: 'x' }],
  ])('never answers %s', (_name, value) => {
    expect(invalidMessageAnswers(value)).toEqual([]);
  });

  test('request ids are strings and safe integers only', () => {
    expect([1, 'a', 0, -5].every(isValidRequestId)).toBe(true);
    expect([1.5, 2 ** 64, null, true, [1], {}].some(isValidRequestId)).toBe(false);
  });
});

describe('invalidParamsAnswer', () => {
  test('names the first problem with Invalid params, not the SDK’s InternalError', () => {
    const answer = invalidParamsAnswer({
      jsonrpc: '2.0',
      id: 3,
      method: 'resources/read',
      params: {},
    });
    expect(answer?.error.code).toBe(-32602);
    expect(answer?.error.message).toContain('params.uri');
  });

  test('takes valid params and methods it does not know', () => {
    expect(
      invalidParamsAnswer({
        jsonrpc: '2.0',
        id: 1,
        method: 'resources/read',
        params: { uri: 'a' },
      }),
    ).toBeUndefined();
    expect(
      invalidParamsAnswer({ jsonrpc: '2.0', id: 1, method: 'x/y', params: {} }),
    ).toBeUndefined();
  });
});
