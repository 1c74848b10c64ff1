import { describe, expect, test } from 'vitest';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { toolResultProblem } from './tool-result-problem.js';

const nestedIn = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('toolResultProblem', () => {
  test.each([
    ['null', null, 'not an object'],
    ['a number', 5, 'not an object'],
    ['an array', [], 'not an object'],
    ['undefined (neither result nor error)', undefined, 'not an object'],
    ['content as a string', { content: 'text' }, '"content"'],
    [
      'structuredContent as an array',
      { content: [], structuredContent: [] },
      '"structuredContent"',
    ],
    ['isError as a string', { content: [], isError: 'yes' }, '"isError"'],
    ['_meta as a string', { content: [], _meta: 'm' }, '"_meta"'],
  ])('refuses %s', (_name, result, problem) => {
    expect(toolResultProblem(result)).toContain(problem);
  });

  test.each([
    ['an empty object', {}],
    ['a text result', { content: [{ type: 'text', text: 'hi' }] }],
    ['an error result', { content: [], isError: true, _meta: { a: 1 } }],
    ['structured content', { content: [], structuredContent: { rows: [[1, 2]] } }],
  ])('takes %s', (_name, result) => {
    expect(toolResultProblem(result)).toBeUndefined();
  });

  test('takes a result exactly as deep as the gateway inspects, and refuses one level more', () => {
    // The result object and its `structuredContent` object are two of the levels.
    expect(
      toolResultProblem({ content: [], structuredContent: { v: nestedIn(MAX_JSON_DEPTH - 2) } }),
    ).toBeUndefined();
    expect(
      toolResultProblem({ content: [], structuredContent: { v: nestedIn(MAX_JSON_DEPTH - 1) } }),
    ).toContain('deeper than 64 levels');
  });
});
